package mlpkit.data.generators

import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The command line's view of the generators: names, parameters, defaults and raw-value parsing. */
class GeneratorRegistryTest {
    private val registry = GeneratorRegistry.standard

    private fun rejects(message: String, call: () -> Unit) {
        val error = assertThrows(IllegalArgumentException::class.java) { call() }
        assertEquals(message, error.message)
    }

    private fun rejectsMentioning(vararg fragments: String, call: () -> Unit) {
        val error = assertThrows(IllegalArgumentException::class.java) { call() }
        for (fragment in fragments) {
            assertTrue(error.message!!.contains(fragment), "message '${error.message}' should mention '$fragment'")
        }
    }

    @Test
    fun `the registry lists the five sklearn generators by name`() {
        assertEquals(
            listOf("make_classification", "make_moons", "make_circles", "make_blobs", "make_regression"),
            registry.generators.map { it.name },
        )
        assertSame(registry.find("make_moons"), registry.find("moons"))
    }

    @Test
    fun `each generator lists sklearn's parameters in order with their defaults`() {
        fun defaults(name: String) = registry.find(name).parameters.associate { it.name to it.default }
        assertEquals(
            mapOf(
                "n_samples" to "100", "n_features" to "20", "n_informative" to "2", "n_redundant" to "2",
                "n_repeated" to "0", "n_classes" to "2", "n_clusters_per_class" to "2", "weights" to "none",
                "flip_y" to "0.01", "class_sep" to "1.0", "hypercube" to "true", "shift" to "0.0", "scale" to "1.0",
                "shuffle" to "true", "random_state" to "none",
            ),
            defaults("make_classification"),
        )
        assertEquals(
            listOf("n_samples", "shuffle", "noise", "random_state", "factor"),
            registry.find("make_circles").parameters.map { it.name },
        )
        assertEquals("-10.0,10.0", defaults("make_blobs")["center_box"])
        assertEquals(ParameterType.CENTERS, registry.find("make_blobs").parameters.single { it.name == "centers" }.type)
        assertEquals(
            listOf(
                "n_samples", "n_features", "n_informative", "n_targets", "bias", "effective_rank", "tail_strength",
                "noise", "shuffle", "random_state",
            ),
            registry.find("make_regression").parameters.map { it.name },
        )
    }

    @Test
    fun `every default parses as its own type`() {
        for (generator in registry.generators) for (parameter in generator.parameters) {
            parameter.type.parse(parameter.name, parameter.default)
        }
    }

    @Test
    fun `raw values give the same data set as the Kotlin call`() {
        val raw = registry.generate(
            "make_classification",
            mapOf(
                "n_samples" to "60", "n_features" to "5", "n_informative" to "3", "n_redundant" to "1",
                "n_classes" to "3", "weights" to "0.5,0.3", "hypercube" to "false", "shift" to "none",
                "scale" to "1,2,3,4,5", "random_state" to "4",
            ),
        )
        val typed = makeClassification(
            nSamples = 60, nFeatures = 5, nInformative = 3, nRedundant = 1, nClasses = 3,
            weights = doubleArrayOf(0.5, 0.3), hypercube = false, shift = null,
            scales = doubleArrayOf(1.0, 2.0, 3.0, 4.0, 5.0), randomState = 4,
        )
        assertArrayEquals((typed.features as DenseFeatures).values().data(), (raw.features as DenseFeatures).values().data())
        assertArrayEquals(typed.classLabels.labels, raw.classLabels.labels)
    }

    @Test
    fun `names may come with dashes or a leading double dash`() {
        val a = registry.generate("moons", mapOf("--n-samples" to "30,20", "--random_state" to "2", "noise" to "0.1"))
        val b = makeMoons(30 to 20, noise = 0.1, randomState = 2)
        assertArrayEquals((b.features as DenseFeatures).values().data(), (a.features as DenseFeatures).values().data())
    }

    @Test
    fun `blobs take centres as rows and standard deviations as a list`() {
        val raw = registry.generate(
            "make_blobs",
            mapOf("n_samples" to "5,7", "centers" to "0,0;4,4", "cluster_std" to "0.5,2", "random_state" to "1"),
        )
        val typed = makeBlobs(
            intArrayOf(5, 7), centerCoordinates = arrayOf(doubleArrayOf(0.0, 0.0), doubleArrayOf(4.0, 4.0)),
            clusterStds = doubleArrayOf(0.5, 2.0), randomState = 1,
        )
        assertArrayEquals((typed.features as DenseFeatures).values().data(), (raw.features as DenseFeatures).values().data())
        assertEquals(12, raw.size)
    }

    @Test
    fun `regression through the registry has one target column per n_targets`() {
        val dataset = registry.generate("make_regression", mapOf("n_samples" to "10", "n_features" to "3", "n_targets" to "2", "random_state" to "0"))
        assertEquals(2, (dataset.targets as RegressionTargets).outputs)
    }

    @Test
    fun `malformed values say which option, what was expected and what came`() {
        rejects("--weights: expected comma-separated numbers, got 'a,b'") {
            registry.generate("make_classification", mapOf("weights" to "a,b"))
        }
        rejects("--n_samples: expected an integer, got '1.5'") { registry.generate("make_regression", mapOf("n_samples" to "1.5")) }
        rejects("--shuffle: expected true or false, got 'yes'") { registry.generate("make_moons", mapOf("shuffle" to "yes")) }
        rejects("--n_samples: expected an integer or two comma-separated integers, got '1,2,3'") {
            registry.generate("make_moons", mapOf("n_samples" to "1,2,3"))
        }
        rejects("--center_box: expected two comma-separated numbers, got '1'") {
            registry.generate("make_blobs", mapOf("center_box" to "1"))
        }
        rejects("--centers: expected rows of comma-separated numbers separated by ';' (like 0,0;4,4), every row of the same length, got '0,0;1'") {
            registry.generate("make_blobs", mapOf("centers" to "0,0;1"))
        }
        rejects("--random_state: expected an integer seed (0..4294967295) or none, got 'abc'") {
            registry.generate("make_moons", mapOf("random_state" to "abc"))
        }
        rejects("--noise: expected a number or none, got 'loud'") { registry.generate("make_circles", mapOf("noise" to "loud")) }
    }

    @Test
    fun `unknown parameters and generators are rejected with the known ones listed`() {
        rejects("make_moons has no parameter 'factor': known parameters are n_samples, shuffle, noise, random_state") {
            registry.generate("make_moons", mapOf("factor" to "0.5"))
        }
        rejects(
            "unknown generator 'make_swiss_roll': known generators are make_classification, make_moons, make_circles, " +
                "make_blobs, make_regression",
        ) { registry.find("make_swiss_roll") }
    }

    @Test
    fun `values outside a parameter's range are refused before generating, with the range`() = rejectsMentioning("make_circles: --factor: expected number in [0, 1), got 2") {
        registry.generate("make_circles", mapOf("factor" to "2"))
    }

    @Test
    fun `none, true and false are read case-insensitively`() {
        assertNull(ParameterType.OPTIONAL_FLOAT.parse("noise", "None"))
        assertEquals(false, ParameterType.BOOLEAN.parse("shuffle", "False"))
        assertEquals(3, ParameterType.CENTERS.parse("centers", "3"))
        assertEquals(30 to 50, ParameterType.INT_OR_PAIR.parse("n_samples", "30, 50"))
    }
}
