package mlpkit.data.generators

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.random.Fixtures
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.MethodSource

/**
 * Every scikit-learn 1.2.1 fixture (the shared ones from `../shared/fixtures/sklearn/` and the ones
 * `generate_fixtures.py` writes) is regenerated here from its recorded call, through the command-line
 * registry (raw strings, as `mlp data gen` would pass them): labels must be identical and features
 * (and regression targets) equal to 1e-12 relative.
 */
class SklearnFixturesTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("generatorFixtures")
    fun `the generator reproduces scikit-learn's fixture`(fixtureName: String) {
        val fixture = Fixtures.json(fixtureName)
        val call = fixture["call"] as JsonObject
        val function = call["function"]!!.jsonPrimitive.content
        val raw = call.filterKeys { it != "function" && it != "coef" }.mapValues { (_, value) -> rawCliValue(value) }
        val dataset = GeneratorRegistry.standard.generate(function, raw)
        assertMatches(fixture, dataset, fixtureName)
    }

    @Test
    fun `every generator fixture on the classpath is in the parity list`() {
        val others = listOf("numpy_", "scipy_", "sequence_", "sklearn_") // read by the RandomState, QR, shared-state and sampling tests
        val onClasspath = Fixtures.listing().filter { name -> name.endsWith(".json") && others.none { name.startsWith(it) } }
        assertEquals(onClasspath, generatorFixtures().sorted())
    }

    companion object {
        @JvmStatic
        fun generatorFixtures(): List<String> = listOf(
            // copied from ../shared/fixtures/sklearn/
            "blobs_60_rs7.json",
            "circles_100_rs1.json",
            "classification_multiclass_rs5.json",
            "e0_make_classification.json",
            "e3_make_classification.json",
            "moons_100_noise01_rs0.json",
            "moons_7_noshuffle_rs3.json",
            // written by generate_fixtures.py
            "blobs_coordinates_std_counts_rs3.json",
            "blobs_count_box_noshuffle_rs12.json",
            "blobs_counts_random_centres_rs5.json",
            "blobs_int_coordinates_rs1.json",
            "circles_odd_defaults_rs2.json",
            "circles_pair_factor_noise_rs6.json",
            "classification_33_informative_rs2.json",
            "classification_defaults_rs0.json",
            "classification_random_shift_scale_noshuffle_rs3.json",
            "classification_weights_flip_polytope_rs11.json",
            "classification_weights_over_one_rs8.json",
            "moons_odd_noshuffle_nonoise_rs9.json",
            "moons_pair_noise_rs4.json",
            "regression_defaults_rs0.json",
            "regression_effective_rank_square_rs12.json",
            "regression_effective_rank_tall_rs10.json",
            "regression_effective_rank_wide_rs11.json",
            "regression_single_coef_noshuffle_rs5.json",
            "regression_targets_bias_noise_coef_rs7.json",
        )

        /** A JSON call parameter written the way the command line takes it. */
        fun rawCliValue(value: JsonElement): String = when (value) {
            is JsonNull -> "none"
            is JsonPrimitive -> value.content
            is JsonArray -> if (value.firstOrNull() is JsonArray) {
                value.joinToString(";") { row -> (row as JsonArray).joinToString(",") { it.jsonPrimitive.content } }
            } else {
                value.joinToString(",") { it.jsonPrimitive.content }
            }
            else -> error("unexpected call parameter $value")
        }

        /** X (and y, exact for labels) of [dataset] against the fixture's. */
        fun assertMatches(fixture: JsonObject, dataset: Dataset, what: String) {
            val (rows, cols, x) = Fixtures.matrix(fixture["X"]!!)
            assertEquals(rows, dataset.size, "$what: rows")
            assertEquals(cols, dataset.features.cols, "$what: columns")
            ParityAssertions.assertClose(x, (dataset.features as DenseFeatures).values().data(), "$what: X")
            when (val targets = dataset.targets) {
                is ClassLabels -> assertArrayEquals(Fixtures.ints(fixture["y"]!!), targets.labels, "$what: y")
                is RegressionTargets -> {
                    val (_, _, y) = Fixtures.matrix(fixture["y"]!!)
                    ParityAssertions.assertClose(y, targets.values.data(), "$what: y")
                }
            }
        }
    }
}
