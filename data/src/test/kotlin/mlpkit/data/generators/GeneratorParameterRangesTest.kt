package mlpkit.data.generators

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Ranges live in the generators' descriptors: checked before generating, each problem naming its parameter. */
class GeneratorParameterRangesTest {
    private val registry = GeneratorRegistry.standard

    private fun problems(generator: String, vararg values: Pair<String, String>) =
        registry.find(generator).problems(mapOf(*values)).map { Triple(it.generator, it.parameter, it.problem) }

    @Test
    fun `every out-of-range value is reported with its parameter and the range, without generating`() {
        assertEquals(
            listOf(
                Triple("make_moons", "n_samples", "expected integer, or two comma-separated integers, each ≥ 0, got -5"),
                Triple("make_moons", "noise", "expected number ≥ 0 or none, got -1"),
            ),
            problems("make_moons", "n_samples" to "-5", "noise" to "-1", "shuffle" to "true"),
        )
        assertEquals(
            listOf(
                Triple("make_classification", "flip_y", "expected number in [0, 1], got 1.5"),
                Triple("make_classification", "weights", "expected comma-separated numbers or none, each ≥ 0, got -0.2"),
                Triple("make_classification", "n_classes", "expected integer ≥ 1, got 0"),
            ),
            problems("make_classification", "flip_y" to "1.5", "weights" to "-0.2,1.2", "n_classes" to "0"),
        )
        assertEquals(
            listOf(Triple("make_regression", "n_samples", "expected an integer, got '1.5'")),
            problems("make_regression", "n_samples" to "1.5"),
        )
        assertEquals(emptyList<Triple<String, String, String>>(), problems("make_circles", "factor" to "0.5", "noise" to "none"))
    }

    @Test
    fun `generate refuses the same values with the command line's words`() {
        val error = assertThrows<GeneratorParameterException> { registry.generate("make_moons", mapOf("noise" to "-1")) }
        assertEquals("make_moons: --noise: expected number ≥ 0 or none, got -1", error.message)
        assertEquals("noise", error.parameter)
    }

    @Test
    fun `the claimed size is known before generating`() {
        assertEquals(1_000_000_000L to 2L, registry.find("make_moons").claimedSize(mapOf("n_samples" to "1000000000")))
        assertEquals(30L to 2L, registry.find("make_circles").claimedSize(mapOf("n_samples" to "10,20")))
        assertEquals(100L to 20L, registry.find("make_classification").claimedSize(emptyMap()))
        assertEquals(9L to 5L, registry.find("make_blobs").claimedSize(mapOf("n_samples" to "2,3,4", "n_features" to "5")))
    }
}
