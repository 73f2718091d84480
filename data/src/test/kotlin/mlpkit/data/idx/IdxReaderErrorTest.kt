package mlpkit.data.idx

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.io.ByteArrayOutputStream
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

class IdxReaderErrorTest {
    @TempDir
    lateinit var dir: Path

    private fun file(name: String, bytes: ByteArray): Path = dir.resolve(name).also { Files.write(it, bytes) }

    private fun bytes(vararg values: Int) = ByteArray(values.size) { values[it].toByte() }

    private fun gzip(bytes: ByteArray): ByteArray =
        ByteArrayOutputStream().also { out -> GZIPOutputStream(out).use { it.write(bytes) } }.toByteArray()

    private fun readFails(path: Path): IdxFormatException = assertThrows { IdxReader.read(path) }

    @Test
    fun `a wrong magic number is reported with its bytes and the file`() {
        val path = file("not-idx.bin", bytes(0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0))

        val error = readFails(path)

        assertEquals(path.toString(), error.source)
        assertEquals(
            "$path: wrong magic number 50 4b 03 04: an IDX file starts with two zero bytes, then the element type " +
                "code and the number of dimensions (MNIST images: 00 00 08 03); this is not an IDX file",
            error.message,
        )
    }

    @Test
    fun `an unknown type code is reported with the known ones`() {
        val path = file("odd-type.idx", bytes(0, 0, 0x0A, 1, 0, 0, 0, 1, 42))

        val error = readFails(path)

        assertEquals(
            "$path: unknown element type code 0x0A in magic number 00 00 0a 01: expected one of 0x08 unsigned byte, " +
                "0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double",
            error.message,
        )
    }

    @Test
    fun `a truncated payload names the claimed and actual byte counts before reading it`() {
        // 10 unsigned bytes declared, 7 present: 8 header + 7 = 15 bytes instead of 18.
        val path = file("short.idx", bytes(0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3, 4, 5, 6, 7))

        val error = readFails(path)

        assertEquals(
            "$path: the header claims 10 items of 1 byte (10 unsigned byte values) = 10 bytes, but the file has 7 bytes " +
                "after the header: the file is cut off or its header is corrupt; download or copy it again",
            error.message,
        )
    }

    @Test
    fun `a truncated multi-byte payload counts bytes, not elements`() {
        // 3 doubles = 24 payload bytes declared; 8 + 20 present.
        val full = IdxWriter.toBytes(IdxArray.ofDoubles(intArrayOf(3), doubleArrayOf(1.0, 2.0, 3.0)))
        val path = file("doubles.idx", full.copyOf(full.size - 4))

        val message = readFails(path).message!!

        assertTrue(message.contains("the header claims 3 items of 8 bytes (3 double values) = 24 bytes, but the file has 20 bytes after the header"), message)
    }

    @Test
    fun `a gzipped file with a short payload counts decompressed bytes`() {
        val path = file("short.idx.gz", gzip(bytes(0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4)))

        val message = readFails(path).message!!

        assertEquals(
            "$path: truncated payload: the header declares 2×3 unsigned byte values = 6 payload bytes (18 with the " +
                "12-byte header), but the file holds only 16 decompressed bytes (2 missing); the file is incomplete: " +
                "download or copy it again",
            message,
        )
    }

    @Test
    fun `a gzip stream cut off in the middle is reported as incomplete`() {
        val whole = IdxWriter.toBytes(TestImageSets.images(20, 28, 28), gzip = true)
        val path = file("cut.gz", whole.copyOf(whole.size / 2))

        val message = readFails(path).message!!

        assertTrue(message.startsWith("$path: the gzip stream is corrupt or cut off after "), message)
        assertTrue(message.contains("of the 15696 decompressed bytes the header declares"), message)
        assertTrue(message.endsWith("the file is incomplete or damaged; download or copy it again"), message)
    }

    @Test
    fun `bytes after the payload are an error naming how many`() {
        val path = file("long.idx", bytes(0, 0, 8, 1, 0, 0, 0, 2, 9, 9, 7, 7))

        val error = readFails(path)

        assertEquals(
            "$path: 2 unexpected bytes after the payload: the header declares 2 unsigned byte values = 2 payload " +
                "bytes (10 with the 8-byte header), but the file holds 12 bytes; the dimensions in the header do not " +
                "match the data (wrong header, or two files joined)",
            error.message,
        )
    }

    @Test
    fun `a header whose dimension product disagrees with the data is rejected in both directions`() {
        // 2×3 declared over 8 payload bytes (as if the file were 2×4): too long.
        val tooLong = file("2x3-of-8.idx", bytes(0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8))
        // 2×4 declared over 6 payload bytes: too short.
        val tooShort = file("2x4-of-6.idx", bytes(0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 4, 1, 2, 3, 4, 5, 6))

        assertTrue(readFails(tooLong).message!!.contains("2 unexpected bytes after the payload: the header declares 2×3"))
        assertTrue(readFails(tooShort).message!!.contains("the header claims 2 items of 4 bytes (2×4 unsigned byte values) = 8 bytes, but the file has 6 bytes"))
        val inMemory = assertThrows<IllegalArgumentException> { IdxArray.ofUnsignedBytes(intArrayOf(2, 3), ByteArray(5)) }
        assertEquals(
            "dimensions 2×3 hold 6 elements but 5 values were given: the product of the dimension sizes must equal the number of values",
            inMemory.message,
        )
    }

    @Test
    fun `a header cut off inside the dimension sizes says how many bytes it needed`() {
        val path = file("header.idx", bytes(0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0))

        assertEquals(
            "$path: the header is cut off: it declares 3 dimensions, so it needs 16 bytes, but the file ends after 10 bytes",
            readFails(path).message,
        )
    }

    @Test
    fun `an empty file and a zero-dimension header are rejected`() {
        assertEquals(
            "${dir.resolve("empty")}: the file holds only 0 bytes, but an IDX file starts with a 4-byte magic number " +
                "(00 00, type code, dimension count)",
            readFails(file("empty", ByteArray(0))).message,
        )
        assertTrue(readFails(file("scalar", bytes(0, 0, 8, 0, 1))).message!!.endsWith("declares 0 dimensions: expected at least 1"))
    }

    @Test
    fun `asking an int array for its floats says which accessor applies`() {
        val error = assertThrows<IllegalStateException> { IdxArray.ofInts(intArrayOf(1), intArrayOf(1)).floats() }

        assertEquals("this IDX array holds int values, so floats() does not apply: use ints()", error.message)
    }
}
