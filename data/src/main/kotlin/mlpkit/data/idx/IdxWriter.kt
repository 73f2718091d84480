package mlpkit.data.idx

import java.io.BufferedOutputStream
import java.io.ByteArrayOutputStream
import java.io.DataOutputStream
import java.io.OutputStream
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

/** Writes [IdxArray]s in the IDX format that [IdxReader] reads (big-endian), raw or gzipped. */
object IdxWriter {
    /** Writes [array] to [path] (replacing it), gzipped when [gzip] is true whatever the file name. */
    fun write(array: IdxArray, path: Path, gzip: Boolean = false) {
        Files.newOutputStream(path).use { write(array, it, gzip) }
    }

    /** The bytes of [array] as an IDX file. */
    fun toBytes(array: IdxArray, gzip: Boolean = false): ByteArray =
        ByteArrayOutputStream().also { write(array, it, gzip) }.toByteArray()

    /** Writes [array] to [output] and finishes (but does not close) it. */
    fun write(array: IdxArray, output: OutputStream, gzip: Boolean = false) {
        val gzipStream = if (gzip) GZIPOutputStream(NonClosing(output), 1 shl 16) else null
        val data = DataOutputStream(BufferedOutputStream(gzipStream ?: NonClosing(output), 1 shl 16))
        data.writeByte(0)
        data.writeByte(0)
        data.writeByte(array.type.code)
        data.writeByte(array.dims.size)
        array.dims.forEach { data.writeInt(it) }
        when (array.type) {
            IdxType.UNSIGNED_BYTE, IdxType.SIGNED_BYTE -> data.write(array.bytes())
            IdxType.SHORT -> array.shorts().forEach { data.writeShort(it.toInt()) }
            IdxType.INT -> array.ints().forEach { data.writeInt(it) }
            IdxType.FLOAT -> array.floats().forEach { data.writeInt(it.toRawBits()) }
            IdxType.DOUBLE -> array.doubles().forEach { data.writeLong(it.toRawBits()) }
        }
        data.flush()
        gzipStream?.finish()
        output.flush()
    }

    /** Lets the writer close its own wrappers without closing the caller's stream. */
    private class NonClosing(private val target: OutputStream) : OutputStream() {
        override fun write(b: Int) = target.write(b)
        override fun write(b: ByteArray, off: Int, len: Int) = target.write(b, off, len)
        override fun flush() = target.flush()
        override fun close() = target.flush()
    }
}
