package mlpkit.dsl.resolve

import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.DenseFeatures
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.generators.makeMoons
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxWriter
import mlpkit.data.random.RandomState
import mlpkit.data.scaling.StandardScaler
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.SplitSpec
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class DataResolverTest {
    private val resolver = DataResolver(store = { error("these tests use no image store") })

    private fun moons(vararg params: Pair<String, JsonPrimitive>) =
        DataSource.Generator("make_moons", mapOf("n_samples" to JsonPrimitive(100), *params))

    @Test
    fun `JSON values become the registry's strings, null becomes none, and a missing random state comes from the run`() {
        val raw = generatorArguments(
            mapOf("n_samples" to JsonPrimitive(100), "noise" to JsonPrimitive(0.1), "shuffle" to JsonPrimitive(false), "weights" to JsonNull),
            defaultRandomState = 1234,
        )
        assertEquals(mapOf("n_samples" to "100", "noise" to "0.1", "shuffle" to "false", "weights" to "none", "random_state" to "1234"), raw)
        assertEquals("7", generatorArguments(mapOf("random_state" to JsonPrimitive(7)), 1234)["random_state"])
        assertEquals("1234", generatorArguments(mapOf("random_state" to JsonNull), 1234)["random_state"])
    }

    @Test
    fun `a generated set is the registry's set with the same parameters`() {
        val data = resolver.resolve(DataSpec(moons("noise" to JsonPrimitive(0.1), "random_state" to JsonPrimitive(0))), RandomState(1), 99)
        val expected = makeMoons(100, noise = 0.1, randomState = 0)
        assertEquals(100, data.train.size)
        assertArrayEquals(expected.features.toMatrix().data(), data.train.features.toMatrix().data(), 0.0)
        assertNull(data.validation)
        assertNull(data.inputScaling)
    }

    @Test
    fun `an unshuffled split keeps the order, first rows train and last rows test`() {
        val spec = DataSpec(moons("random_state" to JsonPrimitive(0)), SplitSpec(validation = 0.1, test = 0.2, shuffle = false))
        val data = resolver.resolve(spec, RandomState(1), 99)
        val indices = data.splitIndices!!
        assertArrayEquals(IntArray(70) { it }, indices.train)
        assertArrayEquals(IntArray(10) { 70 + it }, indices.validation)
        assertArrayEquals(IntArray(20) { 80 + it }, indices.test)
        assertEquals(20, data.test!!.size)
    }

    @Test
    fun `a shuffled stratified split depends only on the split generator's seed`() {
        val spec = DataSpec(moons("random_state" to JsonPrimitive(0)), SplitSpec(test = 0.3, stratify = true))
        val a = resolver.resolve(spec, RandomState(5), 99).splitIndices!!
        val b = resolver.resolve(spec, RandomState(5), 99).splitIndices!!
        val c = resolver.resolve(spec, RandomState(6), 99).splitIndices!!
        assertArrayEquals(a.test, b.test)
        assertTrue(!a.test.contentEquals(c.test))
        val labels = makeMoons(100, noise = null, randomState = 0).classLabels.labels
        assertEquals(15, a.test.count { labels[it] == 1 }, "stratified: half of the 30 test rows are class 1")
    }

    @Test
    fun `standard scaling is fitted on the training rows only and applied to every part`() {
        val spec = DataSpec(moons("noise" to JsonPrimitive(0.2), "random_state" to JsonPrimitive(3)), SplitSpec(test = 0.25), Scaling.STANDARD)
        val data = resolver.resolve(spec, RandomState(2), 99)
        val scaler = (data.inputScaling as InputScaling.Fitted).scaler as StandardScaler
        val raw = makeMoons(100, noise = 0.2, randomState = 3).features
        val trainRows = data.splitIndices!!.train
        val expected = StandardScaler.fit(raw, trainRows)
        assertEquals(expected, scaler)
        val trainScaled = data.train.features.toMatrix()
        for (j in 0 until 2) {
            val mean = (0 until trainScaled.rowDimension).sumOf { trainScaled.getEntry(it, j) } / trainScaled.rowDimension
            assertEquals(0.0, mean, 1e-12)
        }
        val testRaw = DenseMatrix(data.test!!.size, 2).also { raw.copyRows(data.splitIndices!!.test, 0, data.test!!.size, it) }
        assertArrayEquals(scaler.transform(testRaw).data(), data.test!!.features.toMatrix().data(), 0.0)
    }

    @Test
    fun `pixel scaling on a set that is not made of images is an error that suggests minmax`() {
        val e = assertThrows<IllegalArgumentException> {
            resolver.resolve(DataSpec(moons(), scaling = Scaling.UNIT), RandomState(1), 99)
        }
        assertTrue("not an image set" in e.message!! && "minmax" in e.message!!, e.message)
    }

    @Test
    fun `a set with its own test file takes no test fraction`(@TempDir dir: Path) {
        writeImages(dir)
        val source = DataSource.Idx("train-images.idx", "train-labels.idx", "test-images.idx", "test-labels.idx")
        val e = assertThrows<IllegalArgumentException> {
            DataResolver(dir).resolve(DataSpec(source, SplitSpec(test = 0.2)), RandomState(1), 99)
        }
        assertTrue("own test set" in e.message!!, e.message)
    }

    @Test
    fun `IDX images scaled to unit range see the same bits as the stored pixel scaling gives raw pixel values`(@TempDir dir: Path) {
        writeImages(dir)
        val source = DataSource.Idx("train-images.idx", "train-labels.idx", "test-images.idx", "test-labels.idx")
        val data = DataResolver(dir).resolve(DataSpec(source, SplitSpec(validation = 0.25), Scaling.SYMMETRIC), RandomState(1), 99)
        assertEquals(3, data.train.size)
        assertEquals(1, data.validation!!.size)
        assertEquals(2, data.test!!.size)
        assertEquals(listOf("0", "1", "2"), data.classNames, "class names cover the labels of both files")
        val scaling = data.inputScaling as InputScaling.Pixels
        val raw = DenseMatrix(2, 4, DoubleArray(8) { (it * 37 + 200) % 256.0 })
        scaling.applyInPlace(raw)
        assertArrayEquals(raw.data(), data.test!!.features.toMatrix().data(), 0.0)
    }

    private fun writeImages(dir: Path) {
        IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(4, 2, 2), ByteArray(16) { (it * 37).toByte() }), dir.resolve("train-images.idx"))
        IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(4), byteArrayOf(0, 1, 0, 1)), dir.resolve("train-labels.idx"))
        IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(2, 2, 2), ByteArray(8) { (it * 37 + 200).toByte() }), dir.resolve("test-images.idx"))
        IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(2), byteArrayOf(2, 0)), dir.resolve("test-labels.idx"))
    }

    @Test
    fun `the target encoding follows the loss and the output size`() {
        val twoClasses = makeMoons(10, randomState = 0).targets
        val n = "network < … >"
        assertEquals(TargetEncoding.BINARY_COLUMN, chooseTargetEncoding(mlpkit.core.loss.BinaryCrossEntropy(), 1, twoClasses, n))
        assertEquals(TargetEncoding.BINARY_COLUMN, chooseTargetEncoding(mlpkit.core.loss.MeanSquaredError(), 1, twoClasses, n))
        assertEquals(TargetEncoding.ONE_HOT, chooseTargetEncoding(mlpkit.core.loss.SoftmaxCrossEntropy(), 2, twoClasses, n))
        assertEquals(TargetEncoding.ONE_HOT, chooseTargetEncoding(mlpkit.core.loss.HalfSumSquaredError(), 2, twoClasses, n))
        val regression = mlpkit.data.RegressionTargets(DenseMatrix(3, 1))
        assertEquals(TargetEncoding.VALUES, chooseTargetEncoding(mlpkit.core.loss.MeanSquaredError(), 1, regression, n))
        val wrongSize = assertThrows<IllegalArgumentException> { chooseTargetEncoding(mlpkit.core.loss.SoftmaxCrossEntropy(), 3, twoClasses, n) }
        assertTrue("dense(2, …)" in wrongSize.message!!, wrongSize.message)
        assertThrows<IllegalArgumentException> { chooseTargetEncoding(mlpkit.core.loss.SoftmaxCrossEntropy(), 1, twoClasses, n) }
        assertThrows<IllegalArgumentException> { chooseTargetEncoding(mlpkit.core.loss.BinaryCrossEntropy(), 1, regression, n) }
    }

    @Test
    fun `a CSV file with a test file numbers the test classes as the training file does`(@TempDir dir: Path) {
        dir.resolve("train.csv").toFile().writeText("a,b,label\n0,1,cat\n1,0,dog\n2,2,cat\n")
        dir.resolve("test.csv").toFile().writeText("a,b,label\n5,5,dog\n")
        val data = DataResolver(dir).resolve(DataSpec(DataSource.Csv("train.csv", "test.csv")), RandomState(1), 99)
        assertEquals(listOf("cat", "dog"), data.classNames)
        assertEquals(1, data.test!!.classLabels.labels.single())
        assertTrue(data.train.features is DenseFeatures)
    }
}
