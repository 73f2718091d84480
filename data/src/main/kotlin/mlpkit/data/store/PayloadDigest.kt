package mlpkit.data.store

import mlpkit.data.idx.IdxPayloadStream
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.HexFormat

/** SHA-256 of a file's IDX payload: of the decompressed bytes when the file is gzip (by content). */
internal object PayloadDigest {
    fun newDigest(): MessageDigest = MessageDigest.getInstance("SHA-256")

    fun hex(digest: MessageDigest): String = HexFormat.of().formatHex(digest.digest())

    /** Throws EOFException/ZipException when the file is gzip but cut off or corrupt. */
    fun sha256(path: Path): String {
        val digest = newDigest()
        Files.newInputStream(path).use { raw ->
            val payload = IdxPayloadStream.open(raw).stream
            val buffer = ByteArray(1 shl 16)
            while (true) {
                val n = payload.read(buffer)
                if (n < 0) break
                digest.update(buffer, 0, n)
            }
        }
        return hex(digest)
    }
}
