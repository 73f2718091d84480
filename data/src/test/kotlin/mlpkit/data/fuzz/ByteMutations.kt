package mlpkit.data.fuzz

import java.io.ByteArrayOutputStream
import java.util.Random
import java.util.zip.GZIPOutputStream

/** Random damage to a file's bytes, as disks, downloads and editors do it: cuts, bit flips, stray and missing bytes. */
object ByteMutations {
    /** [bytes] after 1–4 random edits. */
    fun mutate(bytes: ByteArray, random: Random): ByteArray {
        var result = bytes
        repeat(1 + random.nextInt(4)) { result = once(result, random) }
        return result
    }

    private fun once(bytes: ByteArray, random: Random): ByteArray {
        val at = random.nextInt(bytes.size + 1)
        return when (random.nextInt(6)) {
            0 -> bytes.copyOf(at) // truncation
            1 -> if (at < bytes.size) bytes.copyOf().also { it[at] = (it[at].toInt() xor (1 shl random.nextInt(8))).toByte() } else bytes
            2 -> if (at < bytes.size) bytes.copyOf().also { it[at] = random.nextInt(256).toByte() } else bytes
            3 -> bytes.copyOfRange(0, at) + ByteArray(1 + random.nextInt(8)) { random.nextInt(256).toByte() } + bytes.copyOfRange(at, bytes.size)
            4 -> if (at < bytes.size) bytes.copyOfRange(0, at) + bytes.copyOfRange(minOf(bytes.size, at + 1 + random.nextInt(8)), bytes.size) else bytes
            else -> ByteArray(random.nextInt(64)) { random.nextInt(256).toByte() } // any bytes at all
        }
    }

    fun gzip(bytes: ByteArray): ByteArray =
        ByteArrayOutputStream().also { out -> GZIPOutputStream(out).use { it.write(bytes) } }.toByteArray()
}
