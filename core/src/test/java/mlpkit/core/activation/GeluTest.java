package mlpkit.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.ConceptContracts;
import mlpkit.core.Fixtures;
import mlpkit.core.concept.NotationException;
import mlpkit.core.concept.Registry;
import mlpkit.core.network.NetworkSpec;
import org.junit.jupiter.api.Test;

class GeluTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    /** How far the generator lets PyTorch's float64 result be from the exact one: 1e-15·max(1, |z|, |exact|). */
    private static double pyTorchTolerance(double z, double exact) {
        return 1e-15 * Math.max(Math.max(1, Math.abs(z)), Math.abs(exact));
    }

    /** PyTorch's forward, as its kernel writes it: ½z(1 + tanh(√(2/π)(z + 0.044715z³))). */
    private static double pyTorchValue(double z) {
        return 0.5 * z * (1 + Math.tanh(SQRT_2_OVER_PI * (z + 0.044715 * z * z * z)));
    }

    /** PyTorch's backward: ½(1 + t) + ½z(1 − t²)·√(2/π)(1 + 3·0.044715z²), t = tanh(u). */
    private static double pyTorchDerivative(double z) {
        double t = Math.tanh(SQRT_2_OVER_PI * (z + 0.044715 * z * z * z));
        return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * z * z);
    }

    /**
     * The relative error float64 allows for f and f' far from 0. We round u = √(2/π)(z + 0.044715z³) a few times (and
     * √(2/π) and 0.044715 are doubles): about 6 roundings, so 2|u| carries an absolute error up to about
     * 2|u|·6.7e−16, which e^−2|u| turns into the same relative error of f and f' for z ≪ 0 (the tail is
     * z·e^{2u}). No float64 formula does better without extended precision, and the exact reference is computed
     * from the exact constants. So the tolerance is 1e-15·max(1, 2|u|): 1e-15 for |z| ≤ 0.6, 1.7e-14 at z = −5,
     * 6e-13 at z = −20 (where our error is 4e-14). For f' it is relative to the size of its two terms,
     * |s| + |2z·s(1 − s)·u'|, because f' vanishes at z ≈ −0.7525, the minimum of f.
     */
    private static double tailFactor(double z) {
        return Math.max(1, 2 * Math.abs(SQRT_2_OVER_PI * (z + 0.044715 * z * z * z)));
    }

    private static double derivativeTerms(double z) {
        double u = SQRT_2_OVER_PI * (z + 0.044715 * z * z * z);
        double s = 1 / (1 + Math.exp(-2 * u));
        return s + Math.abs(2 * z * s * (1 - s) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * z * z));
    }

    /**
     * Against the exact values ("value", "derivative") with the tolerances above, and against PyTorch's float64
     * results ("torch_value", "torch_derivative"), which the generator asserts are within 1e-15·max(1, |z|, |exact|)
     * of the exact ones in absolute terms (PyTorch's 1 + tanh u cancels for z ≪ 0: it gives 0 at z = −10 and −20):
     * so we are within the sum of the two tolerances of PyTorch.
     */
    @Test
    void geluMatchesPyTorchsTanhApproximationAndItsDerivative() {
        double[] zs = FIXTURES.vector("activations", "z");
        double[] values = FIXTURES.vector("activations", "gelu_tanh", "value");
        double[] derivatives = FIXTURES.vector("activations", "gelu_tanh", "derivative");
        double[] torchValues = FIXTURES.vector("activations", "gelu_tanh", "torch_value");
        double[] torchDerivatives = FIXTURES.vector("activations", "gelu_tanh", "torch_derivative");
        assertTrue(zs.length >= 20 && values.length == zs.length && derivatives.length == zs.length, "reference points");
        Gelu f = new Gelu();
        for (int i = 0; i < zs.length; i++) {
            double z = zs[i];
            double a = f.value(z);
            double slope = f.derivative(z, a);
            double valueTolerance = 1e-15 * tailFactor(z) * Math.abs(values[i]);
            double slopeTolerance = 1e-15 * tailFactor(z) * derivativeTerms(z);
            assertEquals(values[i], a, valueTolerance, "gelu(" + z + ")");
            assertEquals(derivatives[i], slope, slopeTolerance, "gelu'(" + z + ")");
            assertEquals(torchValues[i], a, valueTolerance + pyTorchTolerance(z, values[i]), "PyTorch's gelu(" + z + ")");
            assertEquals(torchDerivatives[i], slope, slopeTolerance + pyTorchTolerance(z, derivatives[i]), "PyTorch's gelu'(" + z + ")");
        }
    }

    /**
     * Our σ(2u) form is PyTorch's ½(1 + tanh u) rearranged, so where PyTorch's float64 evaluation is itself
     * accurate (−1.5 ≤ z, where 1 + tanh u does not cancel) the two agree to 1e-15 relative. The derivatives are
     * compared for |z| ≤ 1.5 only, and to 1e-15 of the size of their two terms: f' vanishes at z ≈ −0.7525 (the
     * minimum of f), and beyond |z| ≈ 2 PyTorch's 1 − tanh² u loses digits that ½z·u' then magnifies.
     */
    @Test
    void geluIsPyTorchsTanhFormulaWhereverThatFormulaIsItselfAccurate() {
        Gelu f = new Gelu();
        for (double z : new double[] {-1.5, -1.0, -0.5, -0.1, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0}) {
            assertEquals(pyTorchValue(z), f.value(z), 1e-15 * Math.abs(pyTorchValue(z)), "gelu(" + z + ")");
        }
        for (double z : new double[] {-1.5, -1.0, -0.7525, -0.5, -0.1, 0.1, 0.5, 1.0, 1.5}) {
            double t = Math.tanh(SQRT_2_OVER_PI * (z + 0.044715 * z * z * z));
            double terms = 0.5 * (1 + t) + Math.abs(0.5 * z * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * z * z));
            assertEquals(pyTorchDerivative(z), f.derivative(z, f.value(z)), 1e-15 * terms, "gelu'(" + z + ")");
        }
    }

    @Test
    void farBelowZeroTheSigmoidFormKeepsTheTinyTailThatOnePlusTanhLoses() {
        Gelu f = new Gelu();
        // Reference values of ½z(1 + tanh u) from mpmath at 300 digits, to the tolerance of tailFactor (5e−14 at z = −8).
        double[][] references = {
            {-3, -0.003637392081773019, -0.011584166630969726},
            {-5, -2.291796196629506e-07, -1.5463619875325946e-06},
            {-8, -3.1077829375011112e-21, -4.7147845041068414e-20},
        };
        for (double[] r : references) {
            double z = r[0];
            assertEquals(r[1], f.value(z), 1e-15 * tailFactor(z) * Math.abs(r[1]), "gelu(" + z + ")");
            assertEquals(r[2], f.derivative(z, f.value(z)), 1e-15 * tailFactor(z) * Math.abs(r[2]), "gelu'(" + z + ")");
        }
        // The literal tanh form rounds 1 + tanh(−24.6) to 0 there, and is 3e−10 relative off at z = −5.
        assertEquals(0.0, pyTorchValue(-8), 0.0);
        assertTrue(Math.abs(pyTorchValue(-5) / -2.291796196629506e-07 - 1) > 1e-11);
    }

    @Test
    void geluPassesZeroThroughWithSlopeOneHalfAndSaturatesToTheIdentityAndToZero() {
        Gelu f = new Gelu();
        assertEquals(0.0, f.value(0.0), 0.0);
        assertEquals(0.5, f.derivative(0.0, 0.0), 0.0);
        // mpmath: f(1) = 0.8411919906082767, f'(1) = 1.0829640838457826.
        assertEquals(0.8411919906082767, f.value(1.0), 1e-15 * 0.8411919906082767);
        assertEquals(1.0829640838457826, f.derivative(1.0, f.value(1.0)), 1e-15 * 1.0829640838457826);
        assertEquals(10.0, f.value(10.0), 0.0);
        assertEquals(1.0, f.derivative(10.0, 10.0), 0.0);
        // Far beyond 1e3, where z² overflows: no 0·∞, the identity above and (−)0 below.
        assertEquals(1e200, f.value(1e200), 0.0);
        assertEquals(1.0, f.derivative(1e200, 1e200), 0.0);
        assertEquals(0.0, f.value(-1e200), 0.0);
        assertEquals(0.0, f.derivative(-1e200, 0.0), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, f.minOutput(), 0.0);
        assertEquals(0, f.kinks().length);
    }

    @Test
    void geluMeetsTheElementWiseActivationContract() {
        ConceptContracts.elementWiseActivation(new Gelu(), -6.0, -3.7, -1.2, -0.3, 0.0, 0.25, 0.9, 2.6, 6.0);
    }

    @Test
    void geluIsWrittenAsItsBareNameAndTakesNoArguments() {
        assertEquals("gelu", new Gelu().notation());
        assertEquals("gelu", new Gelu().toString());
        assertEquals(new Gelu(), Registry.builtIns().parse(Activation.KIND, "gelu"));
        assertThrows(NotationException.class, () -> Registry.builtIns().parse(Activation.KIND, "gelu(tanh)"));
    }

    @Test
    void atPlusAndMinusAThousandValueAndSlopeAreExactlyTheirLimits() {
        Gelu f = new Gelu();
        assertEquals(1000.0, f.value(1000), 0.0);
        assertEquals(1.0, f.derivative(1000, 1000), 0.0);
        assertEquals(0.0, f.value(-1000), 0.0);
        assertEquals(0.0, f.derivative(-1000, 0.0), 0.0);
    }

    @Test
    void aNetworkWrittenWithGeluInItsNotationBuildsAndPassesAGradientCheck() {
        String notation = "network < dense(4, gelu); dense(1, sigmoid) >";
        assertEquals(notation, NetworkSpec.parse(notation).notation());
        ConceptContracts.gradientChecked(notation, "bce", 5);
    }
}
