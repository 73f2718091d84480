package mlpkit.data.generators

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import mlpkit.data.ClassLabels
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.generators.SklearnFixturesTest.Companion.assertMatches
import mlpkit.data.random.Fixtures
import mlpkit.data.random.RandomState
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The generators called from Kotlin with named arguments, against the same scikit-learn fixtures. */
class GeneratorKotlinApiTest {
    private fun fixture(name: String): JsonObject = Fixtures.json(name)

    @Test
    fun `E0's data set comes from makeClassification with the article's arguments`() {
        val dataset = makeClassification(nSamples = 10, nFeatures = 4, nClasses = 2, nClustersPerClass = 1, randomState = 42)
        assertMatches(fixture("e0_make_classification.json"), dataset, "E0")
        assertEquals("make_classification", dataset.name)
        assertEquals(2, dataset.classLabels.classCount)
    }

    @Test
    fun `E3's 5000 × 20 data set matches scikit-learn`() {
        val dataset = makeClassification(
            nSamples = 5000, nFeatures = 20, nInformative = 15, nRedundant = 3, nRepeated = 0, nClasses = 2,
            flipY = 0.05, classSep = 1.0, shuffle = true, randomState = 42,
        )
        assertMatches(fixture("e3_make_classification.json"), dataset, "E3")
    }

    @Test
    fun `makeClassification takes weights, per-feature shifts and scales, a polytope and repeated features`() {
        val dataset = makeClassification(
            nSamples = 120, nFeatures = 9, nInformative = 3, nRedundant = 2, nRepeated = 2, nClasses = 3,
            nClustersPerClass = 2, weights = doubleArrayOf(0.5, 0.3, 0.2), flipY = 0.2, classSep = 1.5,
            hypercube = false, shifts = doubleArrayOf(0.5, -1.0, 2.0, 0.0, 3.5, -2.5, 1.0, 0.25, -0.75),
            scales = doubleArrayOf(1.0, 2.0, 0.5, 10.0, 3.0, 1.5, 0.1, 4.0, 2.5), randomState = 11,
        )
        assertMatches(fixture("classification_weights_flip_polytope_rs11.json"), dataset, "weights/polytope")
        val random = makeClassification(
            nSamples = 40, nFeatures = 6, nInformative = 2, nRedundant = 1, nRepeated = 1, nClustersPerClass = 1,
            weights = doubleArrayOf(0.3), flipY = 0.0, shift = null, scale = null, shuffle = false, randomState = 3,
        )
        assertMatches(fixture("classification_random_shift_scale_noshuffle_rs3.json"), random, "random shift/scale")
    }

    @Test
    fun `makeMoons and makeCircles take a total or an (outer, inner) pair`() {
        assertMatches(fixture("moons_pair_noise_rs4.json"), makeMoons(30 to 50, noise = 0.2, randomState = 4), "moons pair")
        assertMatches(fixture("moons_100_noise01_rs0.json"), makeMoons(noise = 0.1, randomState = 0), "moons 100")
        assertMatches(
            fixture("circles_pair_factor_noise_rs6.json"),
            makeCircles(40 to 25, factor = 0.3, noise = 0.1, randomState = 6),
            "circles pair",
        )
        assertMatches(fixture("circles_100_rs1.json"), makeCircles(noise = 0.05, factor = 0.5, randomState = 1), "circles 100")
    }

    @Test
    fun `makeBlobs takes per-centre counts, coordinates and standard deviations`() {
        val dataset = makeBlobs(
            intArrayOf(10, 20, 30),
            centerCoordinates = arrayOf(doubleArrayOf(0.0, 0.0, 0.0), doubleArrayOf(4.0, 4.0, 4.0), doubleArrayOf(-3.0, 5.0, 1.0)),
            clusterStds = doubleArrayOf(0.5, 1.0, 2.0),
            randomState = 3,
        )
        assertMatches(fixture("blobs_coordinates_std_counts_rs3.json"), dataset, "blobs coordinates")
        assertEquals(listOf(10, 20, 30), dataset.classLabels.counts().toList())
        val box = makeBlobs(50, nFeatures = 5, centers = 4, clusterStd = 0.3, centerBox = -2.0 to 2.0, shuffle = false, randomState = 12)
        assertMatches(fixture("blobs_count_box_noshuffle_rs12.json"), box, "blobs box")
    }

    @Test
    fun `makeRegressionWithCoef returns scikit-learn's coefficients in the shuffled feature order`() {
        for ((name, problem) in listOf(
            "regression_targets_bias_noise_coef_rs7.json" to makeRegressionWithCoef(
                nSamples = 50, nFeatures = 6, nInformative = 4, nTargets = 3, bias = 2.5, noise = 0.7, randomState = 7,
            ),
            "regression_single_coef_noshuffle_rs5.json" to makeRegressionWithCoef(
                nSamples = 20, nFeatures = 8, nInformative = 12, shuffle = false, randomState = 5,
            ),
            "regression_effective_rank_tall_rs10.json" to makeRegressionWithCoef(
                nSamples = 60, nFeatures = 20, nInformative = 5, effectiveRank = 5, tailStrength = 0.3, noise = 0.1,
                randomState = 10,
            ),
            "regression_effective_rank_square_rs12.json" to makeRegressionWithCoef(
                nSamples = 25, nFeatures = 25, nInformative = 25, effectiveRank = 8, randomState = 12,
            ),
        )) {
            val expected = fixture(name)
            assertMatches(expected, problem.dataset, name)
            ParityAssertions.assertClose(Fixtures.matrix(expected["coef"]!!).third, problem.coefficients.data(), "$name: coef")
            val targets = problem.dataset.targets as RegressionTargets
            assertEquals(problem.coefficients.columnDimension, targets.outputs)
        }
        assertMatches(fixture("regression_defaults_rs0.json"), makeRegression(randomState = 0), "regression defaults")
    }

    @Test
    fun `one RandomState shared by several generators continues one stream, as sklearn's check_random_state does`() {
        val recorded = fixture("sequence_shared_randomstate_rs5.json")["calls"]!!.jsonArray
        val shared = RandomState(5)
        assertMatches(recorded[0].jsonObject, makeMoons(20, noise = 0.1, randomState = shared), "moons")
        assertMatches(recorded[1].jsonObject, makeBlobs(15, centers = 2, randomState = shared), "blobs")
        assertMatches(
            recorded[2].jsonObject,
            makeClassification(nSamples = 12, nFeatures = 4, nRedundant = 0, randomState = shared),
            "classification",
        )
        assertArrayEquals(Fixtures.doubles(recorded[3].jsonObject["then_random_sample_3"]!!), shared.randomSample(3))
    }

    @Test
    fun `a seed gives the same data every time and no seed gives fresh data`() {
        val a = makeMoons(noise = 0.1, randomState = 7).features as DenseFeatures
        val b = makeMoons(noise = 0.1, randomState = 7).features as DenseFeatures
        assertArrayEquals(a.values().data(), b.values().data())
        val c = makeMoons(noise = 0.1).features as DenseFeatures
        val d = makeMoons(noise = 0.1).features as DenseFeatures
        assertFalse(c.values().data().contentEquals(d.values().data()))
    }

    @Test
    fun `a seed is the same as a RandomState made from it`() {
        val seeded = makeClassification(randomState = 9)
        val instance = makeClassification(randomState = RandomState(9))
        assertArrayEquals((seeded.features as DenseFeatures).values().data(), (instance.features as DenseFeatures).values().data())
        assertArrayEquals(seeded.classLabels.labels, instance.classLabels.labels)
    }

    @Test
    fun `every class is named even when flipping or weights leave it without samples`() {
        val dataset = makeClassification(nSamples = 6, nClasses = 3, nClustersPerClass = 1, weights = doubleArrayOf(0.0, 0.0, 1.0), flipY = 0.0, randomState = 1)
        val labels = dataset.targets as ClassLabels
        assertEquals(3, labels.classCount)
        assertTrue(labels.labels.all { it == 2 })
    }

    @Test
    fun `weights summing above one give n_samples rows like sklearn, the last clusters cut short`() {
        val dataset = makeClassification(
            nSamples = 30, nFeatures = 5, nInformative = 2, nRedundant = 0, nClasses = 2, nClustersPerClass = 1,
            weights = doubleArrayOf(0.8, 0.7), randomState = 8,
        )
        assertMatches(fixture("classification_weights_over_one_rs8.json"), dataset, "weights over one")
        assertEquals(30, dataset.size)
        assertNotEquals(0, dataset.classLabels.counts()[1])
    }
}
