package mlpkit.data.idx

/**
 * The element types an IDX file can hold, with the type code of the third magic byte and the size
 * of one element in the payload (all multi-byte values are big-endian, as in LeCun's format).
 */
enum class IdxType(val code: Int, val bytesPerElement: Int, val description: String) {
    UNSIGNED_BYTE(0x08, 1, "unsigned byte"),
    SIGNED_BYTE(0x09, 1, "signed byte"),
    SHORT(0x0B, 2, "short"),
    INT(0x0C, 4, "int"),
    FLOAT(0x0D, 4, "float"),
    DOUBLE(0x0E, 8, "double");

    override fun toString(): String = "$description (0x%02X)".format(code)

    companion object {
        /** The type with this code, or null when the code is not one of the six IDX types. */
        fun ofCode(code: Int): IdxType? = entries.firstOrNull { it.code == code }

        /** "0x08 unsigned byte, 0x09 signed byte, …": for error messages. */
        val knownCodes: String = entries.joinToString(", ") { "0x%02X %s".format(it.code, it.description) }
    }
}
