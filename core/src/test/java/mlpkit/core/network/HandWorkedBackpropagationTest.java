package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import mlpkit.core.layer.Dense;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;
import mlpkit.core.loss.BinaryCrossEntropy;

/**
 * One forward pass, one backward pass and one gradient-descent update of a 2 → 2 sigmoid → 1 sigmoid
 * network with binary cross-entropy on one sample, every number worked out by hand below.
 */
class HandWorkedBackpropagationTest {
    private static final double EXACT = 1e-15;

    @Test
    void forwardBackwardAndUpdateMatchTheArithmeticWorkedByHand() {
        Network network = Network.build(NetworkSpec.parse("network < dense(2, sigmoid); dense(1, sigmoid) >"), 2,
                new BinaryCrossEntropy(), 0L);
        Dense hidden = (Dense) network.layers().get(0);
        Dense output = (Dense) network.layers().get(1);
        // W1 (inputs × units) = [[0.1, 0.2], [0.3, 0.4]], b1 = [0, 0.1]; W2 = [[0.5], [−0.6]], b2 = [0.2]
        System.arraycopy(new double[]{0.1, 0.2, 0.3, 0.4, 0.0, 0.1, 0.5, -0.6, 0.2}, 0, network.parameters(), 0, 9);
        DenseMatrix x = DenseMatrix.of(new double[][]{{1, 2}});
        DenseMatrix y = DenseMatrix.of(new double[][]{{1}});

        double loss = network.computeGradient(x, y, Reduction.SUM);

        // z1 = x·W1 + b1 = [1·0.1 + 2·0.3 + 0, 1·0.2 + 2·0.4 + 0.1] = [0.7, 1.1]
        assertArrayEquals(new double[]{0.7, 1.1}, hidden.preActivation().getRow(0), EXACT);
        // a1 = σ(z1) = [1/(1 + e^−0.7), 1/(1 + e^−1.1)] = [0.668187772168166, 0.7502601055951177]
        assertArrayEquals(new double[]{0.668187772168166, 0.7502601055951177}, hidden.output().getRow(0), EXACT);
        // z2 = 0.5·0.668187772168166 − 0.6·0.7502601055951177 + 0.2 = 0.08393782272701245
        assertEquals(0.08393782272701245, output.preActivation().getEntry(0, 0), EXACT);
        // a2 = σ(z2) = 0.520972143756005; L = −log(a2) = 0.6520587055372438
        assertEquals(0.520972143756005, output.output().getEntry(0, 0), EXACT);
        assertEquals(0.6520587055372438, loss, EXACT);

        // δ2 = a2 − y = −0.479027856243995 (sigmoid + BCE: σ' cancels)
        // ∂L/∂W2 = a1ᵀ·δ2 = [0.668187772168166·δ2, 0.7502601055951177·δ2] = [−0.32008055607016755, −0.3593954900086226]
        // ∂L/∂b2 = δ2
        // δ1 = (δ2·W2ᵀ) ⊙ a1(1 − a1) = [δ2·0.5·0.2217..., δ2·(−0.6)·0.1873...] = [−0.05310332119764727, 0.053853235034606595]
        // ∂L/∂W1 = xᵀ·δ1 = [[1·δ1₀, 1·δ1₁], [2·δ1₀, 2·δ1₁]];  ∂L/∂b1 = δ1
        assertArrayEquals(new double[]{
                -0.05310332119764727, 0.053853235034606595, -0.10620664239529454, 0.10770647006921319,  // W1
                -0.05310332119764727, 0.053853235034606595,                                              // b1
                -0.32008055607016755, -0.3593954900086226,                                               // W2
                -0.479027856243995},                                                                     // b2
                network.gradients(), 1e-15);

        // θ ← θ − 0.5·∂L/∂θ, e.g. W1₀₀ = 0.1 + 0.5·0.05310332119764727 = 0.12655166059882364
        double[] p = network.parameters();
        for (int k = 0; k < p.length; k++) {
            p[k] -= 0.5 * network.gradients()[k];
        }
        assertArrayEquals(new double[]{0.12655166059882364, 0.1730733824826967, 0.35310332119764726, 0.3461467649653934},
                flat(hidden.weights()), 1e-15);
        assertArrayEquals(new double[]{0.6600402780350838, -0.4203022549956887}, flat(output.weights()), 1e-15);
    }

    private static double[] flat(DenseMatrix m) {
        return java.util.Arrays.copyOfRange(m.data(), m.offset(), m.offset() + m.size());
    }
}
