package mlpkit.estimator

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `fit(x, y, sampleWeight)`: a weight of 2 counts a row twice (full-batch L-BFGS, the sumOfWeights convention). */
class SampleWeightTest {
    private val x = arrayOf(
        doubleArrayOf(0.1, 1.2), doubleArrayOf(-0.7, 0.3), doubleArrayOf(1.5, -0.4), doubleArrayOf(0.9, 0.8),
        doubleArrayOf(-1.1, -0.6), doubleArrayOf(0.2, -1.3), doubleArrayOf(1.8, 0.5), doubleArrayOf(-0.3, 1.7),
    )
    private val labels = intArrayOf(0, 1, 0, 1, 1, 0, 0, 1)
    private val weights = doubleArrayOf(1.0, 2.0, 1.0, 1.0, 3.0, 1.0, 2.0, 1.0)

    /** Each row repeated as many times as its weight. */
    private fun <T> repeated(rows: List<T>): List<T> = rows.indices.flatMap { i -> List(weights[i].toInt()) { rows[i] } }

    private fun assertSameNetwork(a: MlpEstimator<*>, b: MlpEstimator<*>) {
        for ((l, layer) in a.coefs.withIndex()) for ((i, row) in layer.withIndex()) for (j in row.indices) {
            assertEquals(b.coefs[l][i][j], row[j], 1e-9, "coefs[$l][$i][$j]")
        }
    }

    @Test
    fun `a classifier fitted with integer weights equals one fitted on the rows repeated`() {
        fun clf() = MlpClassifier(hiddenLayerSizes = listOf(3), solver = Solver.lbfgs, randomState = 0, maxIter = 15, alpha = 0.0)
        val weighted = clf().fit(x, labels, weights)
        val duplicated = clf().fit(repeated(x.toList()).toTypedArray(), repeated(labels.toList()).toIntArray())
        assertSameNetwork(weighted, duplicated)
        val plain = clf().fit(x, labels)
        assertTrue(plain.coefs[0][0][0] != weighted.coefs[0][0][0], "the weights change the fit")
    }

    @Test
    fun `a regressor fitted with integer weights equals one fitted on the rows repeated`() {
        val y = doubleArrayOf(0.5, -1.0, 2.0, 0.3, -0.8, 1.1, 1.9, -0.2)
        fun reg() = MlpRegressor(hiddenLayerSizes = listOf(3), solver = Solver.lbfgs, randomState = 0, maxIter = 15, alpha = 0.0)
        assertSameNetwork(reg().fit(x, y, weights), reg().fit(repeated(x.toList()).toTypedArray(), repeated(y.toList()).toDoubleArray()))
    }

    @Test
    fun `a sample weight per row is required`() {
        val e = assertThrows<IllegalArgumentException> { MlpClassifier(solver = Solver.lbfgs).fit(x, labels, doubleArrayOf(1.0)) }
        assertTrue(e.message!!.contains("sample_weight has 1 entries for 8 rows of X; expected one weight per row"), e.message)
    }
}
