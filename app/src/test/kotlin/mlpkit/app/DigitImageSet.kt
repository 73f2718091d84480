package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.data.builtin.digits
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxWriter
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.ExperimentSpec

/**
 * A small stand-in for MNIST that every test machine has: the built-in 8×8 digits (real handwriting,
 * labels 0–9) drawn as 28×28 byte images in MNIST's IDX layout and file names. Each source pixel (0–16)
 * becomes a 3×3 block scaled to 0–255, centred with a 2-pixel border (MNIST centres its digits in a 20×20
 * box of the 28×28 frame). The first [TRAIN_ROWS] digits are the training set, the other 297 the test set.
 *
 * The dataset store only accepts the real MNIST files (it checks their SHA-256), so tests that run the
 * E4 experiments without the real sets point the experiment at these files through an `idx` source.
 */
object DigitImageSet {
    const val TRAIN_ROWS = 1500
    private const val SIDE = 28
    private const val BLOCK = 3
    private const val BORDER = 2

    /** Writes the four files (un-gzipped, MNIST's names) into [directory] (created) and returns it. */
    fun writeInto(directory: Path): Path {
        Files.createDirectories(directory)
        val set = digits()
        val labels = set.classLabels.labels
        val pixels = set.features.toMatrix()
        fun images(rows: IntRange): IdxArray {
            val bytes = ByteArray(rows.count() * SIDE * SIDE)
            for ((n, row) in rows.withIndex()) {
                for (p in 0 until 64) {
                    val value = Math.round(pixels.getEntry(row, p) * 255.0 / 16.0).toInt()
                    val top = BORDER + (p / 8) * BLOCK
                    val left = BORDER + (p % 8) * BLOCK
                    for (dy in 0 until BLOCK) for (dx in 0 until BLOCK) {
                        bytes[n * SIDE * SIDE + (top + dy) * SIDE + left + dx] = value.toByte()
                    }
                }
            }
            return IdxArray.ofUnsignedBytes(intArrayOf(rows.count(), SIDE, SIDE), bytes)
        }
        fun labelsOf(rows: IntRange): IdxArray =
            IdxArray.ofUnsignedBytes(intArrayOf(rows.count()), ByteArray(rows.count()) { labels[rows.first + it].toByte() })
        val train = 0 until TRAIN_ROWS
        val test = TRAIN_ROWS until set.size
        IdxWriter.write(images(train), directory.resolve("train-images-idx3-ubyte"))
        IdxWriter.write(labelsOf(train), directory.resolve("train-labels-idx1-ubyte"))
        IdxWriter.write(images(test), directory.resolve("t10k-images-idx3-ubyte"))
        IdxWriter.write(labelsOf(test), directory.resolve("t10k-labels-idx1-ubyte"))
        return directory
    }

    /** The IDX source of the files written into [directory] by [writeInto], with absolute paths. */
    fun source(directory: Path): DataSource.Idx = DataSource.Idx(
        trainImages = directory.resolve("train-images-idx3-ubyte").toAbsolutePath().toString(),
        trainLabels = directory.resolve("train-labels-idx1-ubyte").toAbsolutePath().toString(),
        testImages = directory.resolve("t10k-images-idx3-ubyte").toAbsolutePath().toString(),
        testLabels = directory.resolve("t10k-labels-idx1-ubyte").toAbsolutePath().toString(),
    )

    /** True when [spec] reads MNIST or Fashion-MNIST from the dataset store. */
    fun readsStoredImageSet(spec: ExperimentSpec): Boolean =
        (spec.data.source as? DataSource.BuiltIn)?.set in setOf("mnist", "fashion-mnist", "fashion_mnist", "fashionMnist")

    /** [spec] with its data source replaced by the files in [directory]; everything else as written. */
    fun substitutedInto(spec: ExperimentSpec, directory: Path): ExperimentSpec =
        spec.copy(data = spec.data.copy(source = source(directory)))
}
