package mlpkit.data.store

import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxWriter
import mlpkit.data.idx.ImageClassNames
import mlpkit.data.idx.TestImageSets
import java.net.URI
import java.nio.file.Files
import java.nio.file.Path

/**
 * A four-file image set small enough to generate in every test: 4 training and 2 test images of 2×2
 * pixels, with the file names of MNIST and digests of its own payloads.
 */
object TinyImageSet {
    val trainImages: IdxArray = TestImageSets.images(4, 2, 2)
    val trainLabels: IdxArray = TestImageSets.labels(0, 1, 2, 1)
    val testImages: IdxArray = TestImageSets.images(2, 2, 2, salt = 100)
    val testLabels: IdxArray = TestImageSets.labels(2, 0)

    private val contents = linkedMapOf(
        "train-images-idx3-ubyte.gz" to trainImages,
        "train-labels-idx1-ubyte.gz" to trainLabels,
        "t10k-images-idx3-ubyte.gz" to testImages,
        "t10k-labels-idx1-ubyte.gz" to testLabels,
    )

    /** The gzipped bytes a mirror serves under [name]. */
    fun gzipped(name: String): ByteArray = IdxWriter.toBytes(contents.getValue(name), gzip = true)

    private fun file(name: String) = DatasetFile(name, TestImageSets.sha256(IdxWriter.toBytes(contents.getValue(name))))

    fun files(mirrors: List<URI> = emptyList(), systemLocations: List<SearchLocation> = emptyList()) = DatasetFiles(
        id = "tiny",
        displayName = "Tiny",
        trainImages = file("train-images-idx3-ubyte.gz"),
        trainLabels = file("train-labels-idx1-ubyte.gz"),
        testImages = file("t10k-images-idx3-ubyte.gz"),
        testLabels = file("t10k-labels-idx1-ubyte.gz"),
        classNames = ImageClassNames.DIGITS,
        mirrors = mirrors,
        systemLocations = systemLocations,
        installHint = "apt-get install tiny-images",
    )

    /** Writes the four files into [directory] (created), gzipped under their names, or raw under the un-gzipped names. */
    fun installInto(directory: Path, gzip: Boolean = true, only: Set<String> = contents.keys): Path {
        Files.createDirectories(directory)
        for ((name, array) in contents) {
            if (name !in only) continue
            IdxWriter.write(array, directory.resolve(if (gzip) name else name.removeSuffix(".gz")), gzip)
        }
        return directory
    }
}
