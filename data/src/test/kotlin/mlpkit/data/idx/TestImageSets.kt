package mlpkit.data.idx

import java.security.MessageDigest
import java.util.HexFormat

/** Small IDX image/label sets made by the tests themselves (tests never read real data files). */
object TestImageSets {
    /** [count] images of [height]×[width]; pixel p of image i is (i * 31 + p * 7 + [salt]) mod 256. */
    fun images(count: Int, height: Int, width: Int, salt: Int = 0): IdxArray =
        IdxArray.ofUnsignedBytes(
            intArrayOf(count, height, width),
            ByteArray(count * height * width) { ((it / (height * width)) * 31 + (it % (height * width)) * 7 + salt).toByte() },
        )

    /** One unsigned-byte label per value. */
    fun labels(vararg values: Int): IdxArray =
        IdxArray.ofUnsignedBytes(intArrayOf(values.size), ByteArray(values.size) { values[it].toByte() })

    fun sha256(bytes: ByteArray): String = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
}
