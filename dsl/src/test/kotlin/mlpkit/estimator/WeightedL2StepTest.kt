package mlpkit.estimator

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/**
 * scikit-learn ≥ 1.7's L2 term with sample weights: each batch's αW is divided by the batch's sum of weights (its
 * `_backprop`'s `sw_sum`), not by its row count; lbfgs divides α by the training rows' sum of weights.
 */
class WeightedL2StepTest {
    private val fixture = EstimatorFixtures.read("weighted_l2_step.json")

    private fun layers(json: JsonElement, key: String): List<List<DoubleArray>> =
        json.jsonObject.getValue(key).jsonArray.map { layer ->
            layer.jsonArray.map { row -> (row as? kotlinx.serialization.json.JsonArray)?.let { EstimatorFixtures.doubles(it) } ?: doubleArrayOf(row.jsonPrimitive.double) }
        }

    @Test
    fun `one weighted sgd step with alpha equals scikit-learn 1_7's backprop written out in numpy`() {
        val x = EstimatorFixtures.matrix(fixture.getValue("x"))
        val y = EstimatorFixtures.doubles(fixture.getValue("y"))
        val w = EstimatorFixtures.doubles(fixture.getValue("weights"))
        val reg = MlpRegressor(
            hiddenLayerSizes = listOf(4), solver = Solver.sgd, momentum = 0.0, learningRateInit = fixture.getValue("learningRateInit").jsonPrimitive.double,
            alpha = fixture.getValue("alpha").jsonPrimitive.double, batchSize = x.size, shuffle = false, maxIter = 1, randomState = 0,
        ).fit(x, y, w)
        val after = fixture.getValue("after")
        val coefs = layers(after, "coefs")
        for ((l, layer) in coefs.withIndex()) for ((i, row) in layer.withIndex()) for (j in row.indices) {
            assertEquals(row[j], reg.coefs[l][i][j], 1e-14, "coefs[$l][$i][$j]")
        }
        val intercepts = after.jsonObject.getValue("intercepts").jsonArray.map { EstimatorFixtures.doubles(it) }
        for ((l, bias) in intercepts.withIndex()) for (j in bias.indices) assertEquals(bias[j], reg.intercepts[l][j], 1e-14, "intercepts[$l][$j]")
    }

    @Test
    fun `with alpha, integer weights equal the rows repeated for full-batch sgd, adam and lbfgs`() {
        val x = EstimatorFixtures.matrix(fixture.getValue("x"))
        val y = EstimatorFixtures.doubles(fixture.getValue("y"))
        val w = doubleArrayOf(1.0, 2.0, 1.0, 3.0, 1.0, 2.0)
        val xs = x.indices.flatMap { i -> List(w[i].toInt()) { x[i] } }.toTypedArray()
        val ys = y.indices.flatMap { i -> List(w[i].toInt()) { y[i] } }.toDoubleArray()
        for (solver in listOf(Solver.sgd, Solver.adam, Solver.lbfgs)) {
            fun reg(rows: Int) = MlpRegressor(
                hiddenLayerSizes = listOf(4), solver = solver, alpha = 0.3, batchSize = rows, shuffle = false, maxIter = 8, randomState = 0,
                learningRateInit = 0.05,
            )
            val weighted = reg(x.size).fit(x, y, w)
            val repeated = reg(xs.size).fit(xs, ys)
            for ((l, layer) in weighted.coefs.withIndex()) for ((i, row) in layer.withIndex()) for (j in row.indices) {
                assertEquals(repeated.coefs[l][i][j], row[j], 1e-12, "$solver coefs[$l][$i][$j]")
            }
        }
    }
}
