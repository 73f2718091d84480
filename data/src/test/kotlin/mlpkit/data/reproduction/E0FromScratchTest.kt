package mlpkit.data.reproduction

import mlpkit.core.loss.Reduction
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import mlpkit.core.optim.Optimizers
import mlpkit.data.generators.makeClassification
import mlpkit.data.random.RandomState
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import mlpkit.core.loss.BinaryCrossEntropy

/**
 * Article 000 (E0) with nothing taken from Python: the data from our make_classification with
 * random_state=42, the initial weights drawn by our numpy-compatible RandomState(42) in the article's
 * order (np.random.randn(units, inputs + 1) per layer, column 0 the bias), then 100 full-batch steps
 * of summed binary cross-entropy at lr 0.01. Core's E0 test holds the same run against a numpy trace.
 */
class E0FromScratchTest {
    @Test
    fun `the article's data and initial weights come from RandomState 42 and train to ten of ten`() {
        val data = makeClassification(nSamples = 10, nFeatures = 4, nClasses = 2, nClustersPerClass = 1, randomState = 42)
        val labels = data.classLabels.labels
        // scikit-learn 1.2.1: make_classification(n_samples=10, n_features=4, n_classes=2, n_clusters_per_class=1, random_state=42)[1]
        assertArrayEquals(intArrayOf(0, 0, 1, 1, 1, 0, 0, 1, 0, 1), labels)

        val spec = NetworkSpec.parse(
            "network < dense(6, sigmoid, weights=normal(1.0), bias=weights); dense(4, tanh, weights=normal(1.0), bias=weights); " +
                "dense(3, relu, weights=normal(1.0), bias=weights); dense(1, sigmoid, weights=normal(1.0), bias=weights) >",
        )
        val network = Network.build(spec, 4, BinaryCrossEntropy(), RandomState(42), RandomState(0))
        // np.random.seed(42); np.random.randn(6, 5)[0] = [0.4967141530112327, -0.13826430117118466, 0.6476885381006925,
        // 1.5230298564080254, -0.23415337472333597]: b₀ then W[0..3][0] of the first layer.
        // The first layer's tensors, found by name in the network's layout: W (4 × 6, row-major), then b.
        val (weights, bias) = network.layout().tensors().filter { it.layerIndex() == 0 }.let { t -> t.first { it.name() == "W" } to t.first { it.name() == "b" } }
        val parameters = network.parameters()
        assertEquals(0.4967141530112327, parameters[bias.offset()], 1e-15)
        assertArrayEquals(
            doubleArrayOf(-0.13826430117118466, 0.6476885381006925, 1.5230298564080254, -0.23415337472333597),
            DoubleArray(4) { parameters[weights.offset() + it * weights.cols()] }, 1e-15,
        )

        val x = data.features.toMatrix()
        val y = DenseMatrix(10, 1, DoubleArray(10) { labels[it].toDouble() })
        val sgd = Optimizers.sgd()
        repeat(100) {
            network.computeGradient(x, y, Reduction.SUM)
            sgd.step(network.parameters(), network.gradients(), 0.01)
        }
        val predictions = network.predict(x)
        // numpy with the same maths (core's e0_reference.json): 0.0130, 0.0123, 0.8823, 0.8823, 0.8775, 0.0162, 0.0192, 0.8823, 0.0247, 0.8823
        val expected = doubleArrayOf(0.01301663, 0.01232234, 0.88227077, 0.88227077, 0.87751463, 0.016232, 0.01920883, 0.88227077, 0.02469075, 0.88227077)
        for (i in 0 until 10) {
            val p = predictions.getEntry(i, 0)
            assertEquals(expected[i], p, 1e-8, "prediction $i")
            assertTrue(if (labels[i] == 1) p > 0.5 else p < 0.5, "sample $i on the wrong side: $p")
        }
    }
}
