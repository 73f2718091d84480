package mlpkit.estimator

import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.core.activation.Identity
import mlpkit.core.activation.Sigmoid
import mlpkit.core.activation.Softmax
import mlpkit.core.loss.BinaryCrossEntropy
import mlpkit.core.loss.HalfSumSquaredError
import mlpkit.core.loss.SoftmaxCrossEntropy
import mlpkit.data.random.RandomState
import mlpkit.estimator.EstimatorFixtures.doubles
import mlpkit.estimator.EstimatorFixtures.matrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** scikit-learn's initial coefs_/intercepts_ for a random_state, from RandomState(random_state), to the bits (initial_weights.json). */
class InitialWeightsTest {
    @Test
    fun `the network drawn from RandomState(random_state) in scikit-learn's order starts from exactly scikit-learn's weights`() {
        val cases = EstimatorFixtures.read("initial_weights.json").getValue("cases").jsonArray.map { it.jsonObject }
        assertEquals(3, cases.size)
        for (case in cases) {
            val coefs = case.getValue("coefs").jsonArray.map { matrix(it) }
            val intercepts = case.getValue("intercepts").jsonArray.map { doubles(it) }
            val inputs = coefs[0].size
            val outputs = intercepts.last().size
            val (activation, loss) = when {
                case.getValue("estimator").jsonPrimitive.content == "regressor" -> Identity() to HalfSumSquaredError()
                outputs == 1 -> Sigmoid() to BinaryCrossEntropy()
                else -> Softmax() to SoftmaxCrossEntropy()
            }
            val network = SklearnNetwork(
                case.getValue("hidden_layer_sizes").jsonArray.map { it.jsonPrimitive.int },
                HiddenActivation.valueOf(case.getValue("activation").jsonPrimitive.content),
                outputs,
                activation,
            )
            val seed = case.getValue("random_state").jsonPrimitive.int.toLong()
            val parameters = network.initialParameters(inputs, loss, RandomState(seed))
            val (ourCoefs, ourIntercepts) = SklearnNetwork.coefsAndIntercepts(network.layout(inputs, loss), parameters)
            assertEquals(coefs.size, ourCoefs.size)
            coefs.forEachIndexed { layer, coef ->
                coef.forEachIndexed { i, row -> assertArrayEquals(row, ourCoefs[layer][i], 0.0, "coefs_[$layer][$i] of ${case["data"]}") }
                assertArrayEquals(intercepts[layer], ourIntercepts[layer], 0.0, "intercepts_[$layer] of ${case["data"]}")
            }
            assertArrayEquals(parameters, SklearnNetwork.flatten(network.layout(inputs, loss), ourCoefs, ourIntercepts), 0.0)
        }
    }
}
