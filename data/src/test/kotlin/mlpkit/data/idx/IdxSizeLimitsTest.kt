package mlpkit.data.idx

import java.nio.ByteBuffer
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/**
 * Headers that claim more than a file holds, or more than a Java array or this process's memory holds, are
 * refused from the header alone, before the payload is allocated; empty and cut-off image and label files are
 * errors that name the file.
 */
class IdxSizeLimitsTest {
    @TempDir
    lateinit var dir: Path

    /** An unsigned-byte IDX header with [dims] (each an unsigned 32-bit size), followed by [payload] bytes. */
    private fun file(name: String, dims: List<Long>, payload: Int): Path {
        val buffer = ByteBuffer.allocate(4 + 4 * dims.size + payload)
        buffer.put(0).put(0).put(8).put(dims.size.toByte())
        for (d in dims) buffer.putInt(d.toInt())
        return dir.resolve(name).also { Files.write(it, buffer.array()) }
    }

    private fun readFails(path: Path): IdxFormatException = assertThrows { IdxReader.read(path) }

    @Test
    fun `a header claiming 2^31 images of 28x28 in a 1 KB file is refused with both sizes`() {
        val path = file("huge-images", listOf(1L shl 31, 28, 28), payload = 1024 - 16)

        assertEquals(
            "$path: the header claims 2147483648 items of 784 bytes (2147483648×28×28 unsigned byte values) = 1683627180032 bytes, " +
                "but the file has 1008 bytes after the header: the file is cut off or its header is corrupt; download or copy it again",
            readFails(path).message,
        )
    }

    @Test
    fun `a label count of 2^32 - 1 is read unsigned, not as -1`() {
        val path = file("huge-labels", listOf(0xFFFF_FFFFL), payload = 10)

        assertEquals(
            "$path: the header claims 4294967295 items of 1 byte (4294967295 unsigned byte values) = 4294967295 bytes, " +
                "but the file has 10 bytes after the header: the file is cut off or its header is corrupt; download or copy it again",
            readFails(path).message,
        )
    }

    @Test
    fun `dimensions whose product is 2^64 are too large, not 0 items`() {
        val path = file("wrapping", listOf(1L shl 16, 1L shl 16, 1L shl 16, 1L shl 16), payload = 0)

        val message = readFails(path).message!!
        assertTrue(
            message.startsWith("$path: the header claims 65536 items of ${65536L * 65536 * 65536} bytes (65536×65536×65536×65536 unsigned byte values) " +
                "= more than ${Long.MAX_VALUE} bytes, but the file has 0 bytes after the header"),
            message,
        )
    }

    @Test
    fun `a gzipped header too large for one array is refused before reading its payload`() {
        val raw = file("raw", listOf(1L shl 31, 28, 28), payload = 0)
        val gz = dir.resolve("huge.gz")
        java.util.zip.GZIPOutputStream(Files.newOutputStream(gz)).use { it.write(Files.readAllBytes(raw)) }

        assertEquals(
            "$gz: the header declares 2147483648×28×28 = 1683627180032 unsigned byte elements, more than one Java array holds " +
                "(2147483639): split the data into several files",
            readFails(gz).message,
        )
    }

    @Test
    fun `an empty label file names the file and what an IDX file starts with`() {
        val empty = dir.resolve("labels-empty").also { Files.write(it, ByteArray(0)) }

        assertEquals(
            "$empty: the file holds only 0 bytes, but an IDX file starts with a 4-byte magic number (00 00, type code, dimension count)",
            readFails(empty).message,
        )
    }

    @Test
    fun `a label file of 0 items is refused by the image set loader, naming it`() {
        val images = dir.resolve("images").also { IdxWriter.write(TestImageSets.images(3, 2, 2), it, false) }
        val labels = file("labels-zero", listOf(0L), payload = 0)

        val error = assertThrows<IdxFormatException> { ImageSetLoader.load(images, labels, ImageClassNames.DIGITS) }

        assertEquals(
            "$labels: the file holds no labels (its header declares 0 items): expected one label per image and at least one image; is the file complete?",
            error.message,
        )
    }

    @Test
    fun `a truncated image file is refused before its payload is read, and a count mismatch names both files`() {
        val whole = dir.resolve("whole").also { IdxWriter.write(TestImageSets.images(4, 2, 2), it, false) }
        val cut = dir.resolve("cut").also { Files.write(it, Files.readAllBytes(whole).copyOf(16 + 10)) }
        val labels = dir.resolve("labels").also { IdxWriter.write(TestImageSets.labels(1, 2, 3), it, false) }

        assertEquals(
            "$cut: the header claims 4 items of 4 bytes (4×2×2 unsigned byte values) = 16 bytes, but the file has 10 bytes after " +
                "the header: the file is cut off or its header is corrupt; download or copy it again",
            assertThrows<IdxFormatException> { ImageSetLoader.load(cut, labels, ImageClassNames.DIGITS) }.message,
        )
        val mismatch = assertThrows<IdxFormatException> { ImageSetLoader.load(whole, labels, ImageClassNames.DIGITS) }
        assertTrue(mismatch.message!!.startsWith("$labels: image/label count mismatch: $whole holds 4 images but this file holds 3 labels"), mismatch.message)
    }
}
