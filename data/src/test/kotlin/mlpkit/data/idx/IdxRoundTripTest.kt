package mlpkit.data.idx

import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.Arguments
import org.junit.jupiter.params.provider.MethodSource
import java.nio.file.Files
import java.nio.file.Path

class IdxRoundTripTest {
    @TempDir
    lateinit var dir: Path

    @ParameterizedTest(name = "{0}, gzip={1}")
    @MethodSource("everyTypeRawAndGzip")
    fun `every element type survives a write and read, raw and gzipped`(type: IdxType, gzip: Boolean) {
        val original = sample(type)
        val file = dir.resolve("sample-$type-$gzip.idx")
        IdxWriter.write(original, file, gzip)

        val read = IdxReader.read(file)

        assertEquals(type, read.type)
        assertEquals(listOf(2, 3), read.dims)
        assertEquals(original, read)
        assertArrayEquals(original.toDoubleArray(), read.toDoubleArray())
        val firstBytes = Files.readAllBytes(file).take(2).map { it.toInt() and 0xFF }
        assertEquals(if (gzip) listOf(0x1f, 0x8b) else listOf(0, 0), firstBytes)
    }

    @Test
    fun `the header is magic 00 00 type count then big-endian dimension sizes and values`() {
        val shorts = IdxArray.ofShorts(intArrayOf(1, 2), shortArrayOf(0x1234, -2))

        val bytes = IdxWriter.toBytes(shorts).map { it.toInt() and 0xFF }

        assertEquals(
            listOf(0, 0, 0x0B, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0x12, 0x34, 0xFF, 0xFE),
            bytes,
        )
    }

    @Test
    fun `values read as doubles keep sign and unsignedness`() {
        assertArrayEquals(
            doubleArrayOf(0.0, 127.0, 128.0, 255.0),
            IdxArray.ofUnsignedBytes(intArrayOf(4), byteArrayOf(0, 127, -128, -1)).toDoubleArray(),
        )
        assertArrayEquals(
            doubleArrayOf(0.0, 127.0, -128.0, -1.0),
            IdxArray.ofSignedBytes(intArrayOf(4), byteArrayOf(0, 127, -128, -1)).toDoubleArray(),
        )
    }

    @Test
    fun `a three-dimensional image array of 2x3x4 reads back with its shape and pixels`() {
        val images = TestImageSets.images(2, 3, 4)
        val file = dir.resolve("images")
        IdxWriter.write(images, file, gzip = true)

        val read = IdxReader.read(file)

        assertEquals(listOf(2, 3, 4), read.dims)
        assertEquals("2×3×4", read.shape())
        // image 1, pixel 5: 1*31 + 5*7 = 66
        assertEquals(66.0, read.getDouble(12 + 5))
    }

    @Test
    fun `gzip is recognised by content so a gzip file named idx and a raw file named gz both read`() {
        val array = IdxArray.ofInts(intArrayOf(3), intArrayOf(-7, 0, 70000))
        val gzipNamedIdx = dir.resolve("values.idx")
        val rawNamedGz = dir.resolve("values.gz")
        IdxWriter.write(array, gzipNamedIdx, gzip = true)
        IdxWriter.write(array, rawNamedGz, gzip = false)

        assertEquals(listOf(0x1f, 0x8b), Files.readAllBytes(gzipNamedIdx).take(2).map { it.toInt() and 0xFF })
        assertArrayEquals(intArrayOf(-7, 0, 70000), IdxReader.read(gzipNamedIdx).ints())
        assertArrayEquals(intArrayOf(-7, 0, 70000), IdxReader.read(rawNamedGz).ints())
    }

    @Test
    fun `a large float payload spanning several read chunks comes back intact`() {
        val values = FloatArray(50_000) { it * 0.5f - 1000f }
        val file = dir.resolve("floats.idx")
        IdxWriter.write(IdxArray.ofFloats(intArrayOf(250, 200), values), file, gzip = true)

        val read = IdxReader.read(file).floats()

        assertEquals(-1000f, read[0])
        assertEquals(24_999.5f - 1000f, read[49_999])
        assertArrayEquals(values, read)
    }

    companion object {
        @JvmStatic
        fun everyTypeRawAndGzip(): List<Arguments> =
            IdxType.entries.flatMap { type -> listOf(false, true).map { Arguments.of(type, it) } }

        /** Six values per type, including the extremes and, for floating point, −0, NaN and infinities. */
        fun sample(type: IdxType): IdxArray {
            val dims = intArrayOf(2, 3)
            return when (type) {
                IdxType.UNSIGNED_BYTE -> IdxArray.ofUnsignedBytes(dims, byteArrayOf(0, 1, 127, -128, -2, -1))
                IdxType.SIGNED_BYTE -> IdxArray.ofSignedBytes(dims, byteArrayOf(-128, -1, 0, 1, 100, 127))
                IdxType.SHORT -> IdxArray.ofShorts(dims, shortArrayOf(Short.MIN_VALUE, -1, 0, 1, 0x1234, Short.MAX_VALUE))
                IdxType.INT -> IdxArray.ofInts(dims, intArrayOf(Int.MIN_VALUE, -1, 0, 1, 0x12345678, Int.MAX_VALUE))
                IdxType.FLOAT -> IdxArray.ofFloats(dims, floatArrayOf(-0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.NaN))
                IdxType.DOUBLE -> IdxArray.ofDoubles(dims, doubleArrayOf(-0.0, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN))
            }
        }
    }
}
