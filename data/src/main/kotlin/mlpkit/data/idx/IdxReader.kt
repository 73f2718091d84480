package mlpkit.data.idx

import java.io.BufferedInputStream
import java.io.ByteArrayInputStream
import java.io.EOFException
import java.io.IOException
import java.io.InputStream
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path
import java.security.DigestInputStream
import java.security.MessageDigest
import java.util.zip.GZIPInputStream
import java.util.zip.ZipException
import mlpkit.core.limits.MachineLimits

/**
 * Reads IDX files (LeCun's format for MNIST and friends): magic `00 00 <type code> <dimension count>`,
 * one big-endian int per dimension, then the elements, big-endian, row-major.
 *
 * Gzip is detected from the content (bytes `1f 8b`), never from the file name, so a renamed or
 * already-unpacked file reads the same. The payload must be exactly as long as the dimensions say:
 * a shorter one means a cut-off download, a longer one means the header does not describe the data.
 *
 * Dimension sizes are read as unsigned 32-bit numbers and multiplied overflow-safe (a header claiming
 * 2³² × 2³² items is too large, never 0 items). Before anything is allocated the size the header claims is
 * compared with the bytes the file actually has (for a raw file, whose length is known) and with what one
 * Java array and this process's memory hold ([MachineLimits]), so a corrupt header is a message, never an
 * `OutOfMemoryError`.
 */
object IdxReader {
    private const val CHUNK_BYTES = 1 shl 16

    /** A payload up to this size is allocated at once even when the file's length is unknown (MNIST's images are 47 MB). */
    private const val UNCHECKED_ALLOCATION_BYTES = 64L shl 20

    /**
     * Reads [path]. When [payloadDigest] is given it is updated with every byte of the (decompressed)
     * IDX content, header included, so a caller can check a checksum without reading the file twice.
     */
    fun read(path: Path, payloadDigest: MessageDigest? = null): IdxArray =
        Files.newInputStream(path).use { read(it, path.toString(), payloadDigest, Files.size(path)) }

    /** Reads IDX content (raw or gzip) from [bytes]; [source] names it in error messages. */
    fun read(bytes: ByteArray, source: String, payloadDigest: MessageDigest? = null): IdxArray =
        read(ByteArrayInputStream(bytes), source, payloadDigest, bytes.size.toLong())

    /**
     * Reads IDX content (raw or gzip) from [input] until its end; [source] names it in error messages.
     * [length], when known, is the stream's length in bytes: a raw file's header is checked against it
     * before its payload is allocated. The stream is not closed.
     */
    fun read(input: InputStream, source: String, payloadDigest: MessageDigest? = null, length: Long? = null): IdxArray {
        val opened = try {
            IdxPayloadStream.open(input)
        } catch (e: ZipException) {
            throw brokenGzipHeader(source, e)
        } catch (e: EOFException) {
            throw brokenGzipHeader(source, e)
        }
        val payload = if (payloadDigest == null) opened.stream else DigestInputStream(opened.stream, payloadDigest)
        return IdxContentReader(payload, source, opened.gzipped, length.takeIf { !opened.gzipped }, MachineLimits.ofThisMachine()).read()
    }

    /** The gzip header, read when the stream opens, is damaged or cut off. */
    private fun brokenGzipHeader(source: String, cause: IOException) = IdxFormatException(
        source,
        "the file starts like gzip (1f 8b), but its gzip header is corrupt or cut off (${cause.message}): " +
            "the file is incomplete or damaged; download or copy it again",
        cause,
    )

    /**
     * One pass over the content of one file; keeps the byte count for error messages. [rawLength] is the
     * size of the (raw) content when known; without it (gzip, a stream) a large payload is read in growing
     * pieces, so a header that claims gigabytes the file does not hold fails as truncated instead of
     * allocating them.
     */
    private class IdxContentReader(
        private val input: InputStream,
        private val source: String,
        private val gzipped: Boolean,
        private val rawLength: Long?,
        private val limits: MachineLimits,
    ) {
        private var bytesRead = 0L
        private var expectedBytes: Long? = null
        private val sizeWord = if (gzipped) "decompressed bytes" else "bytes"

        fun read(): IdxArray = try {
            readContent()
        } catch (e: EOFException) {
            throw brokenGzip(e)
        } catch (e: ZipException) {
            throw brokenGzip(e)
        }

        /** Only a gzip stream throws these: a raw stream just ends, which the byte counts catch. */
        private fun brokenGzip(cause: IOException): IdxFormatException {
            val progress = expectedBytes?.let { "after $bytesRead of the $it decompressed bytes the header declares" }
                ?: "after $bytesRead decompressed bytes, inside the header"
            return IdxFormatException(
                source,
                "the gzip stream is corrupt or cut off $progress (${cause.message}): the file is incomplete or " +
                    "damaged; download or copy it again",
                cause,
            )
        }

        private fun readContent(): IdxArray {
            val magic = readExactly(4) { got ->
                "the file holds only $got $sizeWord, but an IDX file starts with a 4-byte magic number " +
                    "(00 00, type code, dimension count)"
            }
            if (magic[0].toInt() != 0 || magic[1].toInt() != 0) {
                throw IdxFormatException(
                    source,
                    "wrong magic number ${hex(magic)}: an IDX file starts with two zero bytes, then the element " +
                        "type code and the number of dimensions (MNIST images: 00 00 08 03); this is not an IDX file",
                )
            }
            val typeCode = magic[2].toInt() and 0xFF
            val type = IdxType.ofCode(typeCode) ?: throw IdxFormatException(
                source,
                "unknown element type code 0x%02X in magic number %s: expected one of %s".format(
                    typeCode, hex(magic), IdxType.knownCodes,
                ),
            )
            val dimensionCount = magic[3].toInt() and 0xFF
            if (dimensionCount == 0) {
                throw IdxFormatException(source, "the magic number ${hex(magic)} declares 0 dimensions: expected at least 1")
            }
            val headerBytes = 4 + 4 * dimensionCount
            val dimBytes = readExactly(4 * dimensionCount) { got ->
                "the header is cut off: it declares $dimensionCount dimensions, so it needs $headerBytes bytes, " +
                    "but the file ends after ${4 + got} $sizeWord"
            }
            val dimBuffer = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN)
            // Unsigned: a size of 2³¹ or more is a (corrupt or huge) size, not a negative one.
            val sizes = LongArray(dimensionCount) { Integer.toUnsignedLong(dimBuffer.getInt()) }
            val shape = sizes.joinToString("×")
            val elements = sizes.fold(1L) { acc, d -> MachineLimits.product(acc, d) }
            val payloadBytes = MachineLimits.product(elements, type.bytesPerElement.toLong())
            val itemBytes = sizes.drop(1).fold(type.bytesPerElement.toLong()) { acc, d -> MachineLimits.product(acc, d) }
            val claimed = if (payloadBytes == Long.MAX_VALUE) "more than ${Long.MAX_VALUE}" else payloadBytes.toString()
            if (rawLength != null && payloadBytes > rawLength - headerBytes) {
                throw IdxFormatException(
                    source,
                    "the header claims ${sizes[0]} ${if (sizes[0] == 1L) "item" else "items"} of $itemBytes ${if (itemBytes == 1L) "byte" else "bytes"} ($shape ${type.description} values) = $claimed bytes, " +
                        "but the file has ${rawLength - headerBytes} bytes after the header: the file is cut off or its header " +
                        "is corrupt; download or copy it again",
                )
            }
            // Java arrays are indexed by int; one IDX file becomes one array.
            if (elements > MachineLimits.MAX_ARRAY_ELEMENTS) {
                throw IdxFormatException(
                    source,
                    "the header declares $shape = ${if (elements == Long.MAX_VALUE) "more than ${Long.MAX_VALUE}" else elements} " +
                        "${type.description} elements, more than one Java array holds (${MachineLimits.MAX_ARRAY_ELEMENTS}): " +
                        "split the data into several files",
                )
            }
            // A dimension past an array index is refused even when another dimension is 0 (and the product with it).
            sizes.indexOfFirst { it > MachineLimits.MAX_ARRAY_ELEMENTS }.takeIf { it >= 0 }?.let { d ->
                throw IdxFormatException(
                    source,
                    "the header declares $shape: dimension ${d + 1} is ${sizes[d]}, more than one Java array holds " +
                        "(${MachineLimits.MAX_ARRAY_ELEMENTS}): the header is corrupt, or the data must be split into several files",
                )
            }
            limits.memoryProblem("the header's $shape ${type.description} values", payloadBytes, "split the data into several files")
                ?.let { throw IdxFormatException(source, it) }
            val dims = IntArray(dimensionCount) { sizes[it].toInt() }
            expectedBytes = headerBytes + payloadBytes
            val describe = "the header declares $shape ${type.description} values = $payloadBytes payload bytes " +
                "(${headerBytes + payloadBytes} with the $headerBytes-byte header)"
            val truncated = { got: Long ->
                "truncated payload: $describe, but the file holds only ${headerBytes + got} $sizeWord " +
                    "(${payloadBytes - got} missing); the file is incomplete: download or copy it again"
            }
            // A raw file's length was checked above, before allocating; a gzip payload's is unknown, so a large one
            // is read in growing pieces and a header that claims gigabytes the stream does not hold fails as truncated.
            val array = if (rawLength == null && payloadBytes > UNCHECKED_ALLOCATION_BYTES) {
                readGrowing(type, dims, elements.toInt(), payloadBytes, truncated)
            } else {
                readPayload(type, dims, elements.toInt(), payloadBytes, truncated)
            }
            val trailing = countRemaining()
            if (trailing > 0) {
                throw IdxFormatException(
                    source,
                    "$trailing unexpected bytes after the payload: $describe, but the file holds " +
                        "${headerBytes + payloadBytes + trailing} $sizeWord; the dimensions in the header do not " +
                        "match the data (wrong header, or two files joined)",
                )
            }
            return array
        }

        private fun readPayload(
            type: IdxType,
            dims: IntArray,
            elements: Int,
            payloadBytes: Long,
            truncated: (Long) -> String,
        ): IdxArray {
            if (type == IdxType.UNSIGNED_BYTE || type == IdxType.SIGNED_BYTE) {
                // Straight into the final array: no second copy of a 47 MB image set.
                val values = ByteArray(elements)
                val got = input.readNBytes(values, 0, elements)
                bytesRead += got
                if (got < elements) throw IdxFormatException(source, truncated(got.toLong()))
                return if (type == IdxType.UNSIGNED_BYTE) IdxArray.ofUnsignedBytes(dims, values)
                else IdxArray.ofSignedBytes(dims, values)
            }
            val chunk = ByteArray(CHUNK_BYTES)
            val buffer = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN)
            val width = type.bytesPerElement
            val shorts = if (type == IdxType.SHORT) ShortArray(elements) else null
            val ints = if (type == IdxType.INT) IntArray(elements) else null
            val floats = if (type == IdxType.FLOAT) FloatArray(elements) else null
            val doubles = if (type == IdxType.DOUBLE) DoubleArray(elements) else null
            var done = 0 // elements converted so far
            while (done < elements) {
                val want = minOf(CHUNK_BYTES / width, elements - done)
                val got = input.readNBytes(chunk, 0, want * width)
                bytesRead += got
                if (got < want * width) throw IdxFormatException(source, truncated(done.toLong() * width + got))
                buffer.clear()
                when (type) {
                    IdxType.SHORT -> buffer.asShortBuffer().get(shorts!!, done, want)
                    IdxType.INT -> buffer.asIntBuffer().get(ints!!, done, want)
                    IdxType.FLOAT -> buffer.asFloatBuffer().get(floats!!, done, want)
                    IdxType.DOUBLE -> buffer.asDoubleBuffer().get(doubles!!, done, want)
                    else -> error("byte types are read above")
                }
                done += want
            }
            check(payloadBytes == elements.toLong() * width)
            return when (type) {
                IdxType.SHORT -> IdxArray.ofShorts(dims, shorts!!)
                IdxType.INT -> IdxArray.ofInts(dims, ints!!)
                IdxType.FLOAT -> IdxArray.ofFloats(dims, floats!!)
                else -> IdxArray.ofDoubles(dims, doubles!!)
            }
        }

        /**
         * The payload of a file whose length is unknown, read into a buffer that grows only as bytes arrive
         * (so a header claiming more than there is fails as truncated before much is allocated), then converted.
         */
        private fun readGrowing(type: IdxType, dims: IntArray, elements: Int, payloadBytes: Long, truncated: (Long) -> String): IdxArray {
            var bytes = ByteArray(CHUNK_BYTES * 16)
            var got = 0
            while (got < payloadBytes) {
                if (got == bytes.size) bytes = bytes.copyOf(minOf(payloadBytes, bytes.size * 2L).toInt())
                val n = input.readNBytes(bytes, got, bytes.size - got)
                bytesRead += n
                got += n
                if (n == 0) throw IdxFormatException(source, truncated(got.toLong()))
            }
            return IdxPayloadStream.decode(type, dims, elements, bytes)
        }

        private inline fun readExactly(count: Int, tooShort: (Int) -> String): ByteArray {
            val bytes = ByteArray(count)
            val got = input.readNBytes(bytes, 0, count)
            bytesRead += got
            if (got < count) throw IdxFormatException(source, tooShort(got))
            return bytes
        }

        private fun countRemaining(): Long {
            val sink = ByteArray(8192)
            var count = 0L
            while (true) {
                val n = input.read(sink)
                if (n < 0) return count
                count += n
            }
        }

        private fun hex(bytes: ByteArray) = bytes.joinToString(" ") { "%02x".format(it.toInt() and 0xFF) }
    }
}

/** A stream of IDX content, gunzipped when the underlying bytes start with the gzip magic `1f 8b`. */
internal class IdxPayloadStream private constructor(val stream: InputStream, val gzipped: Boolean) {
    companion object {
        private const val BUFFER_BYTES = 1 shl 16

        /** The big-endian [bytes] (exactly the payload) as the array of [type]. */
        fun decode(type: IdxType, dims: IntArray, elements: Int, bytes: ByteArray): IdxArray {
            val buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN)
            return when (type) {
                IdxType.UNSIGNED_BYTE -> IdxArray.ofUnsignedBytes(dims, bytes)
                IdxType.SIGNED_BYTE -> IdxArray.ofSignedBytes(dims, bytes)
                IdxType.SHORT -> IdxArray.ofShorts(dims, ShortArray(elements).also { buffer.asShortBuffer().get(it) })
                IdxType.INT -> IdxArray.ofInts(dims, IntArray(elements).also { buffer.asIntBuffer().get(it) })
                IdxType.FLOAT -> IdxArray.ofFloats(dims, FloatArray(elements).also { buffer.asFloatBuffer().get(it) })
                IdxType.DOUBLE -> IdxArray.ofDoubles(dims, DoubleArray(elements).also { buffer.asDoubleBuffer().get(it) })
            }
        }

        fun open(input: InputStream): IdxPayloadStream {
            val buffered = if (input.markSupported()) input else BufferedInputStream(input, BUFFER_BYTES)
            buffered.mark(2)
            val first = buffered.read()
            val second = buffered.read()
            buffered.reset()
            val gzipped = first == 0x1f && second == 0x8b
            return IdxPayloadStream(if (gzipped) GZIPInputStream(buffered, BUFFER_BYTES) else buffered, gzipped)
        }
    }
}
