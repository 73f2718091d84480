package mlpkit.data.generators

import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import mlpkit.data.random.Fixtures
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** The economic Q of make_low_rank_matrix against `scipy.linalg.qr(mode="economic")` (LAPACK). */
class HouseholderQrTest {
    @Test
    fun `Q has LAPACK's column signs, including the unreflected last column of a square matrix`() {
        val cases = Fixtures.json("scipy_qr_economic.json")["cases"]!!.jsonArray
        for ((index, case) in cases.withIndex()) {
            val (m, n, a) = Fixtures.matrix(case.jsonObject["a"]!!)
            val expected = Fixtures.matrix(case.jsonObject["q"]!!).third
            val q = householderEconomicQ(a, m, n)
            ParityAssertions.assertClose(expected, q, "case $index ($m × $n)")
        }
    }

    @Test
    fun `Q has orthonormal columns and leaves its input alone`() {
        val m = 7
        val n = 4
        val a = DoubleArray(m * n) { Math.sin(it * 1.7) + it % 3 }
        val copy = a.copyOf()
        val q = householderEconomicQ(a, m, n)
        assertEquals(copy.toList(), a.toList())
        for (i in 0 until n) for (j in 0 until n) {
            var dot = 0.0
            for (r in 0 until m) dot += q[r * n + i] * q[r * n + j]
            assertEquals(if (i == j) 1.0 else 0.0, dot, 1e-14, "column $i · column $j")
        }
    }
}
