package mlpkit.data.generators

import kotlinx.serialization.json.double
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import mlpkit.data.random.Fixtures
import mlpkit.data.random.RandomState
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** sklearn 1.2.1's `sample_without_replacement` in all three of its branches, and where each leaves the stream. */
class SampleWithoutReplacementTest {
    @Test
    fun `permutation, tracking selection and reservoir sampling give sklearn's samples on either side of each threshold`() {
        val cases = Fixtures.json("sklearn_sample_without_replacement.json")["cases"]!!.jsonArray
        assertTrue(cases.size > 100)
        for (case in cases.map { it.jsonObject }) {
            val population = case["population"]!!.jsonPrimitive.long
            val count = case["count"]!!.jsonPrimitive.int
            val rng = RandomState(case["seed"]!!.jsonPrimitive.long)
            val label = "population $population, count $count"
            assertArrayEquals(Fixtures.longs(case["sample"]!!), sampleWithoutReplacement(population, count, rng), label)
            assertEquals(case["next_random_sample"]!!.jsonPrimitive.double, rng.randomSample(), "$label: next draw")
        }
    }

    @Test
    fun `hypercube vertices above 30 dimensions draw the leading coordinates first, as sklearn does`() {
        val vertices = generateHypercube(5, 33, RandomState(2))
        assertEquals(5 * 33, vertices.size)
        assertTrue(vertices.all { it == 0.0 || it == 1.0 })
        val rows = (0 until 5).map { r -> vertices.copyOfRange(r * 33, r * 33 + 33).toList() }
        assertEquals(5, rows.distinct().size)
    }
}
