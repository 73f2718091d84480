package mlpkit.data.fuzz

import mlpkit.core.fuzz.PropertyRun
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxFormatException
import mlpkit.data.idx.IdxReader
import mlpkit.data.idx.IdxType
import mlpkit.data.idx.IdxWriter
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.math.BigInteger
import java.nio.ByteBuffer
import java.nio.file.Files
import java.nio.file.Path
import java.util.Random

/**
 * The IDX reader over random input ([PropertyRun]; `-Pfuzz` runs the tagged variants with many more tries).
 *
 * - A valid file (every element type, 1–3 dimensions, plain or gzip) reads back to the array written.
 * - The same file after random damage (cuts, bit flips, stray bytes, random bytes), or with a header that
 *   claims huge dimensions (up to 2³¹ − 1 each, products past 2⁶³), either reads to an array whose size
 *   is the product of its dimensions and whose payload was in the file, or fails with an
 *   [IdxFormatException] whose message starts with the file's path. Never another exception and never an
 *   OutOfMemoryError: a size the header claims is checked against the bytes there are before allocating.
 */
class IdxReaderPropertiesTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a random valid IDX file reads back to the array written`() = PropertyRun.withSeed(15201, 300) { validFileReadsBack(it) }

    @Test
    @Tag("fuzz")
    fun `a random valid IDX file reads back (fuzz)`() = PropertyRun.fuzz(20_000) { validFileReadsBack(it) }

    @Test
    fun `a damaged IDX file reads consistently or fails with an IdxFormatException naming the file`() =
        PropertyRun.withSeed(15202, 1500) { damagedFileReadsOrNamesTheFile(it) }

    @Test
    @Tag("fuzz")
    fun `a damaged IDX file reads consistently or fails naming the file (fuzz)`() =
        PropertyRun.fuzz(100_000) { damagedFileReadsOrNamesTheFile(it) }

    // Inputs the damaged-file property found, as plain examples.

    private fun fails(name: String, bytes: ByteArray): String {
        val path = dir.resolve(name).also { Files.write(it, bytes) }
        val error = assertThrows<IdxFormatException> { IdxReader.read(path) }
        assertTrue(error.message!!.startsWith("$path: "), error.message)
        return error.message!!.removePrefix("$path: ")
    }

    private fun header(type: Int, vararg dims: Int): ByteArray =
        ByteBuffer.allocate(4 + 4 * dims.size).put(0).put(0).put(type.toByte()).put(dims.size.toByte())
            .also { b -> dims.forEach { b.putInt(it) } }.array()

    @Test
    fun `a header whose dimensions multiply past 2 to the 63 is refused, not read as a negative size`() {
        val problem = fails("wrapped.idx", header(0x0B, Int.MAX_VALUE, 65_536, 0x48332C4D))
        assertTrue(
            problem.startsWith(
                "the header claims 2147483647 items of 158769247551488 bytes (2147483647×65536×1211313229 short values) = " +
                    "more than 9223372036854775807 bytes, but the file has 0 bytes after the header",
            ),
            problem,
        )
    }

    @Test
    fun `a header whose dimensions multiply to exactly 2 to the 64 is refused, not read as an empty array`() {
        val problem = fails("two-to-the-64.idx", header(0x08, 65_536, 65_536, 65_536, 65_536))
        assertTrue(
            problem.startsWith(
                "the header claims 65536 items of 281474976710656 bytes (65536×65536×65536×65536 unsigned byte values) = " +
                    "more than 9223372036854775807 bytes, but the file has 0 bytes after the header",
            ),
            problem,
        )
    }

    @Test
    fun `a 20-byte file whose header claims 8 GB of doubles fails as truncated before allocating`() {
        val problem = fails("huge.idx", header(0x0E, 1 shl 28) + ByteArray(12))
        assertEquals(
            "the header claims 268435456 items of 8 bytes (268435456 double values) = 2147483648 bytes, but the file has 12 bytes " +
                "after the header: the file is cut off or its header is corrupt; download or copy it again",
            problem,
        )
    }

    @Test
    fun `a dimension past an array index is refused even when another dimension is 0`() {
        val problem = fails("zero-and-huge.idx", header(0x0E, Int.MIN_VALUE, 0, 2_147_483_639))
        assertEquals(
            "the header declares 2147483648×0×2147483639: dimension 1 is 2147483648, more than one Java array holds " +
                "(2147483639): the header is corrupt, or the data must be split into several files",
            problem,
        )
    }

    @Test
    fun `a gzip file whose header claims 8 GB of doubles fails as truncated without allocating them`() {
        val problem = fails("huge.idx.gz", ByteMutations.gzip(header(0x0E, 1 shl 28) + ByteArray(12)))
        assertTrue(problem.startsWith("truncated payload: the header declares 268435456 double values"), problem)
        assertTrue(problem.contains("but the file holds only 20 decompressed bytes"), problem)
    }

    @Test
    fun `a file with a damaged gzip header is an IdxFormatException`() {
        val problem = fails("bad.idx.gz", byteArrayOf(0x1f, 0x8b.toByte(), 0xff.toByte(), 0x40, 0x53, 0x34))
        assertTrue(problem.startsWith("the file starts like gzip (1f 8b), but its gzip header is corrupt or cut off"), problem)
    }

    private fun array(random: Random): IdxArray {
        val dims = IntArray(1 + random.nextInt(3)) { 1 + random.nextInt(6) }
        val size = dims.fold(1) { a, d -> a * d }
        return when (IdxType.entries[random.nextInt(IdxType.entries.size)]) {
            IdxType.UNSIGNED_BYTE -> IdxArray.ofUnsignedBytes(dims, ByteArray(size) { random.nextInt(256).toByte() })
            IdxType.SIGNED_BYTE -> IdxArray.ofSignedBytes(dims, ByteArray(size) { random.nextInt(256).toByte() })
            IdxType.SHORT -> IdxArray.ofShorts(dims, ShortArray(size) { random.nextInt(65536).toShort() })
            IdxType.INT -> IdxArray.ofInts(dims, IntArray(size) { random.nextInt() })
            IdxType.FLOAT -> IdxArray.ofFloats(dims, FloatArray(size) { random.nextGaussian().toFloat() })
            IdxType.DOUBLE -> IdxArray.ofDoubles(dims, DoubleArray(size) { random.nextGaussian() })
        }
    }

    private fun validFileReadsBack(random: Random) {
        val array = array(random)
        val path = dir.resolve("v${random.nextInt(1_000_000)}.idx")
        IdxWriter.write(array, path, gzip = random.nextBoolean())
        assertEquals(array, IdxReader.read(path))
    }

    private fun damagedFileReadsOrNamesTheFile(random: Random) {
        val array = array(random)
        val raw = IdxWriter.toBytes(array)
        val damaged = when (random.nextInt(4)) {
            0 -> hugeHeader(raw, random)
            1 -> ByteMutations.mutate(hugeHeader(raw, random), random)
            else -> ByteMutations.mutate(raw, random)
        }
        val gzip = random.nextInt(4) == 0
        val bytes = if (!gzip) damaged else if (random.nextBoolean()) ByteMutations.gzip(damaged) else ByteMutations.mutate(ByteMutations.gzip(raw), random)
        val path = dir.resolve("d${random.nextInt(1_000_000)}.idx")
        Files.write(path, bytes)
        val read = try {
            IdxReader.read(path)
        } catch (e: IdxFormatException) {
            assertTrue(e.message!!.startsWith("$path: "), "names the file: ${e.message}")
            assertEquals(path.toString(), e.source)
            return
        } catch (e: Throwable) {
            throw AssertionError("$path (${bytes.size} bytes, header ${bytes.take(16).joinToString(" ") { "%02x".format(it) }}) " +
                "threw $e instead of an IdxFormatException", e)
        }
        // Exact arithmetic: a product of dimensions that wraps around (2¹⁶ four times is 0 as a Long) must not pass.
        val elements = read.dims.fold(BigInteger.ONE) { a, d -> a * BigInteger.valueOf(d.toLong()) }
        assertEquals(elements, BigInteger.valueOf(read.size.toLong()), "size ${read.size} for dimensions ${read.shape()}")
        if (!gzip) {
            val payload = read.size.toLong() * read.type.bytesPerElement
            assertEquals(4L + 4 * read.dims.size + payload, bytes.size.toLong(), "a raw file holds exactly its header and payload")
        }
    }

    /** The file with one dimension (or the dimension count) replaced by a huge or boundary value. */
    private fun hugeHeader(raw: ByteArray, random: Random): ByteArray {
        val copy = raw.copyOf()
        val dimensions = copy[3].toInt() and 0xFF
        if (random.nextInt(5) == 0) {
            copy[3] = (dimensions + 1 + random.nextInt(255 - dimensions)).toByte()
            return copy
        }
        val values = intArrayOf(Int.MAX_VALUE, Int.MAX_VALUE - 8, 1 shl 30, 1 shl 16, 65_536, 1 shl 28, Int.MIN_VALUE, -1, 0, random.nextInt())
        // Every dimension huge makes a product past 2⁶³, which must not wrap to a small number.
        val all = random.nextInt(4) == 0
        for (d in 0 until dimensions) {
            if (all || d == random.nextInt(dimensions)) ByteBuffer.wrap(copy, 4 + 4 * d, 4).putInt(values[random.nextInt(values.size)])
        }
        return copy
    }
}
