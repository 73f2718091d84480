package mlpkit.estimator

import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import mlpkit.estimator.EstimatorFixtures.assertClose
import mlpkit.estimator.EstimatorFixtures.doubles
import mlpkit.estimator.EstimatorFixtures.matrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * The estimators against scikit-learn 1.2.1 step for step (steps.json, part 1): full-batch SGD with momentum 0,
 * 0.9 classical and 0.9 Nesterov, alpha 0, a constant rate, 20 epochs from random_state's initial weights, on a
 * binary and a 3-class classifier and a 1- and 2-output regressor. Loss curve, final weights and predictions to 1e-9.
 */
class StepForStepTest {
    private val fixture = EstimatorFixtures.read("steps.json")
    private val data = fixture.getValue("data").jsonObject

    @TestFactory
    fun `every full-batch sgd case matches scikit-learn's loss curve, weights and predictions to 1e-9 relative`(): List<DynamicTest> {
        val cases = fixture.getValue("cases").jsonArray.map { it.jsonObject }.filter { it.getValue("part").jsonPrimitive.int == 1 }
        assertEquals(12, cases.size)
        return cases.map { case ->
            DynamicTest.dynamicTest(case.getValue("name").jsonPrimitive.content) {
                val set = data.getValue(case.getValue("data").jsonPrimitive.content).jsonObject
                val x = matrix(set.getValue("x"))
                val estimator: MlpEstimator<*> = if (case.getValue("estimator").jsonPrimitive.content == "classifier") {
                    MlpClassifier()
                } else {
                    MlpRegressor()
                }
                for ((name, value) in case.getValue("params").jsonObject) estimator.set(name, EstimatorFixtures.value(value))
                val predicted: DoubleArray = when (estimator) {
                    is MlpClassifier -> {
                        val y = set.getValue("y").jsonArray.map { it.jsonPrimitive.long.toInt() }.toIntArray()
                        estimator.fit(x, y)
                        val proba = estimator.predictProba(x)
                        matrix(case.getValue("predict_proba")).forEachIndexed { i, row -> assertClose(row, proba[i], 1e-9, "predict_proba row $i") }
                        assertArrayEquals(case.getValue("predict").jsonArray.map { it.jsonPrimitive.int }.toIntArray(), estimator.predict(x))
                        DoubleArray(0)
                    }
                    is MlpRegressor -> {
                        val y = set.getValue("y").jsonArray
                        if (y[0] is kotlinx.serialization.json.JsonArray) {
                            estimator.fit(x, matrix(y))
                            val expected = matrix(case.getValue("predict"))
                            val actual = estimator.predictOutputs(x)
                            expected.forEachIndexed { i, row -> assertClose(row, actual[i], 1e-9, "predict row $i") }
                            DoubleArray(0)
                        } else {
                            estimator.fit(x, doubles(y))
                            estimator.predict(x).also { assertClose(doubles(case.getValue("predict")), it, 1e-9, "predict") }
                        }
                    }
                    else -> error("unknown estimator")
                }
                assertTrue(predicted.isEmpty() || predicted.size == x.size)
                assertClose(doubles(case.getValue("loss_curve")), estimator.lossCurve.toDoubleArray(), 1e-9, "loss_curve_")
                assertEquals(case.getValue("n_iter").jsonPrimitive.int, estimator.nIter)
                case.getValue("coefs").jsonArray.forEachIndexed { layer, coef ->
                    matrix(coef).forEachIndexed { i, row -> assertClose(row, estimator.coefs[layer][i], 1e-9, "coefs_[$layer][$i]") }
                }
                case.getValue("intercepts").jsonArray.forEachIndexed { layer, b ->
                    assertClose(doubles(b), estimator.intercepts[layer], 1e-9, "intercepts_[$layer]")
                }
                assertEquals(false, estimator.converged)
            }
        }
    }
}
