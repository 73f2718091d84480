package mlpkit.data.idx

/**
 * The content of one IDX file: the element [type], the dimension sizes [dims] (outermost first, so
 * MNIST's training images are 60000×28×28) and the values in row-major order, held in the primitive
 * array that matches the type (a [ByteArray] for both byte types, so 47 MB of MNIST pixels stay
 * 47 MB). Arrays returned by the accessors are shared, not copied: do not modify them.
 */
class IdxArray private constructor(
    val type: IdxType,
    dims: IntArray,
    private val values: Any,
    valuesSize: Int,
) {
    val dims: List<Int> = dims.toList()

    /** Number of elements: the product of [dims]. */
    val size: Int = valuesSize

    init {
        require(dims.isNotEmpty() && dims.size <= 255) {
            "an IDX array has 1 to 255 dimensions, got ${dims.size}"
        }
        require(dims.all { it >= 0 }) { "dimension sizes must not be negative, got ${shape()}" }
        val product = dims.fold(1L) { acc, d -> acc * d }
        require(product == valuesSize.toLong()) {
            "dimensions ${shape()} hold $product elements but $valuesSize values were given: " +
                "the product of the dimension sizes must equal the number of values"
        }
    }

    /** The dimensions as "60000×28×28". */
    fun shape(): String = dims.joinToString("×")

    /** The values of an [IdxType.UNSIGNED_BYTE] or [IdxType.SIGNED_BYTE] array. */
    fun bytes(): ByteArray = valuesAs(values is ByteArray, "bytes()")

    fun shorts(): ShortArray = valuesAs(type == IdxType.SHORT, "shorts()")
    fun ints(): IntArray = valuesAs(type == IdxType.INT, "ints()")
    fun floats(): FloatArray = valuesAs(type == IdxType.FLOAT, "floats()")
    fun doubles(): DoubleArray = valuesAs(type == IdxType.DOUBLE, "doubles()")

    /** Element [index] (row-major) as a double; unsigned bytes read as 0..255. */
    fun getDouble(index: Int): Double = when (type) {
        IdxType.UNSIGNED_BYTE -> ((values as ByteArray)[index].toInt() and 0xFF).toDouble()
        IdxType.SIGNED_BYTE -> (values as ByteArray)[index].toDouble()
        IdxType.SHORT -> (values as ShortArray)[index].toDouble()
        IdxType.INT -> (values as IntArray)[index].toDouble()
        IdxType.FLOAT -> (values as FloatArray)[index].toDouble()
        IdxType.DOUBLE -> (values as DoubleArray)[index]
    }

    /** All elements as doubles (a new array). */
    fun toDoubleArray(): DoubleArray = DoubleArray(size) { getDouble(it) }

    @Suppress("UNCHECKED_CAST")
    private fun <T> valuesAs(matches: Boolean, accessor: String): T {
        check(matches) { "this IDX array holds ${type.description} values, so $accessor does not apply: use ${accessorFor(type)}" }
        return values as T
    }

    override fun equals(other: Any?): Boolean {
        if (other !is IdxArray || other.type != type || other.dims != dims) return false
        return when (values) {
            is ByteArray -> values.contentEquals(other.values as ByteArray)
            is ShortArray -> values.contentEquals(other.values as ShortArray)
            is IntArray -> values.contentEquals(other.values as IntArray)
            // Bitwise, so NaN payloads and −0.0 round-trip visibly.
            is FloatArray -> values.map { it.toRawBits() } == (other.values as FloatArray).map { it.toRawBits() }
            is DoubleArray -> values.map { it.toRawBits() } == (other.values as DoubleArray).map { it.toRawBits() }
            else -> false
        }
    }

    override fun hashCode(): Int = 31 * (31 * type.hashCode() + dims.hashCode()) + size

    override fun toString(): String = "IdxArray(${type.description}, ${shape()})"

    companion object {
        fun ofUnsignedBytes(dims: IntArray, values: ByteArray) = IdxArray(IdxType.UNSIGNED_BYTE, dims, values, values.size)
        fun ofSignedBytes(dims: IntArray, values: ByteArray) = IdxArray(IdxType.SIGNED_BYTE, dims, values, values.size)
        fun ofShorts(dims: IntArray, values: ShortArray) = IdxArray(IdxType.SHORT, dims, values, values.size)
        fun ofInts(dims: IntArray, values: IntArray) = IdxArray(IdxType.INT, dims, values, values.size)
        fun ofFloats(dims: IntArray, values: FloatArray) = IdxArray(IdxType.FLOAT, dims, values, values.size)
        fun ofDoubles(dims: IntArray, values: DoubleArray) = IdxArray(IdxType.DOUBLE, dims, values, values.size)

        private fun accessorFor(type: IdxType): String = when (type) {
            IdxType.UNSIGNED_BYTE, IdxType.SIGNED_BYTE -> "bytes()"
            IdxType.SHORT -> "shorts()"
            IdxType.INT -> "ints()"
            IdxType.FLOAT -> "floats()"
            IdxType.DOUBLE -> "doubles()"
        }
    }
}
