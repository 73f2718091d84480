package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.activation.Activation;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;
import mlpkit.core.loss.MeanSquaredError;
import mlpkit.core.activation.Sigmoid;
import mlpkit.core.activation.Tanh;
import mlpkit.core.activation.Relu;
import mlpkit.core.activation.LeakyRelu;
import mlpkit.core.loss.BinaryCrossEntropy;
import mlpkit.core.loss.HalfSumSquaredError;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.Registry;
import mlpkit.core.concept.NotationException;

/** One test per slip listed in EXPERIMENTS.md ("Known mistakes in the articles"): each fails if the slip is ours. */
class KnownArticleMistakesTest {
    private static DenseMatrix row(double... values) {
        return DenseMatrix.of(new double[][]{values});
    }

    private static double[] apply(Activation f, double... z) {
        DenseMatrix a = new DenseMatrix(1, z.length);
        f.forward(row(z), a);
        return a.getRow(0);
    }

    @Test
    void article000TanhIsTheRatioOfExpMinusExpOverExpPlusExp() {
        // The slip (e^x − e^−1)/(e^x + e^−x) gives 0.316 at 0 and 0.462 at 1.
        assertArrayEquals(new double[]{0.0, 0.7615941559557649, -0.7615941559557649, 0.9999092042625951},
                apply(new Tanh(), 0.0, 1.0, -1.0, 5.0), 1e-16);
    }

    @Test
    void article000AnUnknownActivationNameIsRaisedNotOnlyBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Registry.builtIns().of(Activation.KIND).require("sigmod"));
        assertTrue(e.getMessage().startsWith("unknown activation 'sigmod': expected one of "), e.getMessage());
        assertEquals("did you mean 'sigmoid'?", ((ConceptException) e).hint());
        NotationException inNotation = assertThrows(NotationException.class,
                () -> NetworkSpec.parse("network < dense(3, sigmod) >"));
        assertEquals(20, inNotation.column());
    }

    @Test
    void article000And001DerivativesAreTakenAtThePreActivationNotAtTheActivation() {
        // dZ = dA ⊙ f'(z). The slips compute f'(a) (000: the layer's derivative applied to the activation;
        // 001: MSE.delta's σ'(σ(z))). Compare with central differences of f at z, for every activation.
        double[] z = {-2.5, -0.3, 0.4, 1.7};
        for (String name : new String[]{"sigmoid", "tanh", "relu", "identity"}) {
            Activation f = Registry.builtIns().parse(Activation.KIND, name);
            checkDerivativeAtZ(f, z);
        }
        checkDerivativeAtZ(new LeakyRelu(0.2), z);
        // And concretely for σ at z = 1.7: σ'(z) = 0.1324…, while the slip's σ'(σ(z)) = 0.2061….
        DenseMatrix dz = new DenseMatrix(1, 1);
        DenseMatrix a = new DenseMatrix(1, 1);
        new Sigmoid().forward(row(1.7), a);
        new Sigmoid().backward(row(1.7), a, row(1.0), dz);
        double s = 1 / (1 + Math.exp(-1.7));
        double sOfS = 1 / (1 + Math.exp(-s));
        assertEquals(s * (1 - s), dz.getEntry(0, 0), 1e-16);
        assertNotEquals(sOfS * (1 - sOfS), dz.getEntry(0, 0), 1e-3);
    }

    private static void checkDerivativeAtZ(Activation f, double[] z) {
        DenseMatrix zm = row(z);
        DenseMatrix a = new DenseMatrix(1, z.length);
        f.forward(zm, a);
        DenseMatrix dz = new DenseMatrix(1, z.length);
        f.backward(zm, a, row(1, 1, 1, 1), dz);
        for (int i = 0; i < z.length; i++) {
            double h = 1e-6;
            double numeric = (apply(f, z[i] + h)[0] - apply(f, z[i] - h)[0]) / (2 * h);
            assertEquals(numeric, dz.getEntry(0, i), 1e-8, f.notation() + "'(" + z[i] + ")");
        }
    }

    @Test
    void article001ReluDoesNotClipItsArgumentInPlace() {
        DenseMatrix z = row(-1.5, 2.0, -0.25);
        DenseMatrix a = new DenseMatrix(1, 3);
        new Relu().forward(z, a);
        assertArrayEquals(new double[]{-1.5, 2.0, -0.25}, z.getRow(0), 0.0);
        // And inside a network the stored pre-activation keeps its negative entries for backward.
        Network network = Network.build(NetworkSpec.parse("network < dense(1, relu, weights=constant(-1.0)); dense(1, identity) >"),
                1, new MeanSquaredError(), 1L);
        network.forward(row(2.0), false);
        assertEquals(-2.0, ((Dense) network.layers().get(0)).preActivation().getEntry(0, 0), 0.0);
    }

    @Test
    void article001BiasAndWeightGradientsAreBothSumsOfDelta() {
        // Two identical samples: under SUM the bias gradient must be twice one sample's, like the weights'.
        Network network = Network.build(NetworkSpec.parse("network < dense(1, sigmoid, weights=constant(0.3), bias=constant(0.1)) >"),
                1, new HalfSumSquaredError(), 1L);
        network.computeGradient(row(1.0), row(0.0), Reduction.SUM);
        double[] one = network.gradients().clone();
        network.computeGradient(DenseMatrix.of(new double[][]{{1.0}, {1.0}}), DenseMatrix.of(new double[][]{{0.0}, {0.0}}),
                Reduction.SUM);
        assertEquals(2 * one[0], network.gradients()[0], 1e-15, "weight");
        assertEquals(2 * one[1], network.gradients()[1], 1e-15, "bias (the slip averages it: equal to one sample's)");
    }

    @Test
    void article001MseDeltaAppliesTheSigmoidDerivativeToZ() {
        // δ = (a − y)·σ'(z) at z = 0.3·2 + 0.1 = 0.7: a = 0.6681877721681662, σ'(z) = a(1 − a) = 0.22171287329310904.
        Network network = Network.build(NetworkSpec.parse("network < dense(1, sigmoid, weights=constant(0.3), bias=constant(0.1)) >"),
                1, new HalfSumSquaredError(), 1L);
        network.computeGradient(row(2.0), row(1.0), Reduction.SUM);
        double a = 0.6681877721681662;
        assertEquals((a - 1.0) * 0.22171287329310904, network.gradients()[1], 1e-15);
    }

    @Test
    void article003BinaryCrossEntropyIsPositiveWithItsMinusSign() {
        // −[1·log 0.8] = 0.2231435513142097 > 0; the slip's sign gives −0.223.
        Network network = Network.build(NetworkSpec.parse("network < dense(1, sigmoid, weights=zeros, bias=constant("
                + Math.log(0.8 / 0.2) + ")) >"), 1, new BinaryCrossEntropy(), 1L);
        assertEquals(0.2231435513142097, network.loss(row(0.0), row(1.0), Reduction.MEAN), 1e-15);
        assertTrue(network.loss(row(0.0), row(0.0), Reduction.MEAN) > 0);
    }

    @Test
    void article004ReluReturnsThePositivePartAndItsDerivativeReadsZ() {
        // The slip z[z < 0] returns the negative entries; relu_prime reads an undefined x.
        assertArrayEquals(new double[]{0.0, 3.0, 0.0, 0.5}, apply(new Relu(), -2.0, 3.0, -0.1, 0.5), 0.0);
        DenseMatrix z = row(-2.0, 3.0, -0.1, 0.5);
        DenseMatrix a = new DenseMatrix(1, 4);
        new Relu().forward(z, a);
        DenseMatrix dz = new DenseMatrix(1, 4);
        new Relu().backward(z, a, row(7, 7, 7, 7), dz);
        assertArrayEquals(new double[]{0.0, 7.0, 0.0, 7.0}, dz.getRow(0), 0.0);
    }
}
