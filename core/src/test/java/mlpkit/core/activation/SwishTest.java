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

class SwishTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");

    /** How far the generator lets PyTorch's float64 result be from the exact one: 1e-15·max(1, |z|, |exact|). */
    private static double pyTorchTolerance(double z, double exact) {
        return 1e-15 * Math.max(Math.max(1, Math.abs(z)), Math.abs(exact));
    }

    /**
     * "value" and "derivative" are the exact values rounded to the nearest double, and we evaluate the same formulas
     * (z·σ(z), σ(1 + z(1 − σ))): 1e-15 relative, except that f' vanishes at z* ≈ −1.2785, where 1 + z(1 − σ) cancels:
     * there the rounding of its terms (each about 1) is what counts, so f' is compared to 1e-15 of
     * σ(1 + |z|(1 − σ)). "torch_value" and "torch_derivative" (PyTorch's silu in float64) are within
     * 1e-15·max(1, |z|, |exact|) of the exact ones (asserted by the generator; PyTorch's 1 − σ cancels, so at z = 30 its
     * f' is 2.7e−15 off): so we are within the sum of the two tolerances of PyTorch.
     */
    @Test
    void swishMatchesPyTorchsSiluAndItsDerivativeIsSigmaTimesOnePlusZTimesOneMinusSigma() {
        double[] zs = FIXTURES.vector("activations", "z");
        double[] values = FIXTURES.vector("activations", "swish", "value");
        double[] derivatives = FIXTURES.vector("activations", "swish", "derivative");
        double[] torchValues = FIXTURES.vector("activations", "swish", "torch_value");
        double[] torchDerivatives = FIXTURES.vector("activations", "swish", "torch_derivative");
        assertTrue(zs.length >= 20 && values.length == zs.length && derivatives.length == zs.length, "reference points");
        Swish f = new Swish();
        for (int i = 0; i < zs.length; i++) {
            double z = zs[i];
            double a = f.value(z);
            double slope = f.derivative(z, a);
            double sigma = 1 / (1 + Math.exp(-z));
            double valueTolerance = 1e-15 * Math.abs(values[i]);
            double slopeTolerance = 1e-15 * Math.max(Math.abs(derivatives[i]), sigma * (1 + Math.abs(z) * (1 - sigma)));
            assertEquals(values[i], a, valueTolerance, "swish(" + z + ")");
            assertEquals(derivatives[i], slope, slopeTolerance, "swish'(" + z + ")");
            assertEquals(torchValues[i], a, valueTolerance + pyTorchTolerance(z, values[i]), "PyTorch's silu(" + z + ")");
            assertEquals(torchDerivatives[i], slope, slopeTolerance + pyTorchTolerance(z, derivatives[i]), "PyTorch's silu'(" + z + ")");
        }
    }

    @Test
    void swishOfOneIsSigmaOfOneAndTheSlopeAtZeroIsOneHalf() {
        Swish f = new Swish();
        // σ(1) = 1/(1 + e^−1) = 0.7310585786300049; f'(1) = σ(1)(1 + 1 − σ(1)) = 0.9276705118714867 (mpmath).
        assertEquals(0.7310585786300049, f.value(1.0), 1e-16);
        assertEquals(0.9276705118714867, f.derivative(1.0, f.value(1.0)), 2e-16);
        assertEquals(0.0, f.value(0.0), 0.0);
        assertEquals(0.5, f.derivative(0.0, 0.0), 0.0);
        // f(z) − f(−z) = z(σ(z) + σ(−z)) = z.
        for (double z : new double[] {0.4, 2.5, 9.0}) {
            assertEquals(z, f.value(z) - f.value(-z), 2 * Math.ulp(z), "swish(" + z + ") − swish(−" + z + ")");
        }
    }

    @Test
    void oneMinusSigmaIsComputedWithoutCancellationSoTheSlopeAboveOneIsNotLost() {
        Swish f = new Swish();
        // f'(40) = σ(40)(1 + 40σ(−40)) = 1 + 39e^−40 + … = 1 + 1.66e−16, whose nearest double is 1 + 2^−52
        // (mpmath: 1.0000000000000002); with 1 − σ(40) computed as 1 − 1.0 it would be exactly 1.
        assertEquals(1.0000000000000002, f.derivative(40, f.value(40)), 0.0);
        // f(−40) = −40e^−40/(1 + e^−40) = −1.6993417021166355e−16; f'(−40) = σ(−40)(1 − 40σ(40)) = −1.6568581595637197e−16.
        assertEquals(-1.6993417021166355e-16, f.value(-40), 1e-15 * 1.6993417021166355e-16);
        assertEquals(-1.6568581595637197e-16, f.derivative(-40, f.value(-40)), 1e-15 * 1.6568581595637197e-16);
    }

    @Test
    void theMinimumIsMinusLambertWOfOneOverETakenAtMinusOneMinusThatW() {
        // w = W(1/e) solves w·e^w = 1/e; Newton's method on g(w) = w·e^w − 1/e from w = 0.3.
        double w = 0.3;
        for (int i = 0; i < 20; i++) {
            w -= (w * Math.exp(w) - Math.exp(-1)) / ((1 + w) * Math.exp(w));
        }
        Swish f = new Swish();
        assertEquals(-w, f.minOutput(), Math.ulp(w));
        double zStar = -1 - w;
        assertEquals(f.minOutput(), f.value(zStar), 2 * Math.ulp(w), "f(z*) = −w");
        // f'(z*) = σ(1 + z*(1 − σ)) = 0: the bracket cancels, so only its rounding (about 1e−16 of 1 + |z*|) is left.
        assertEquals(0.0, f.derivative(zStar, f.value(zStar)), 1e-16 * (1 + Math.abs(zStar)));
        // No computed value on a fine grid falls below the declared minimum (by more than its own rounding).
        for (int k = -100_000; k <= 100_000; k++) {
            double z = k * 1e-4;
            assertTrue(f.value(z) >= f.minOutput() - Math.ulp(w), "swish(" + z + ") = " + f.value(z));
        }
        assertEquals(Double.POSITIVE_INFINITY, f.maxOutput(), 0.0);
        assertEquals(0, f.kinks().length);
    }

    @Test
    void swishMeetsTheElementWiseActivationContract() {
        ConceptContracts.elementWiseActivation(new Swish(), -30.0, -3.7, -1.2, -0.3, 0.0, 0.25, 0.9, 2.6, 30.0);
    }

    @Test
    void swishIsWrittenAsItsBareNameAndSiluIsAnotherNameForIt() {
        assertEquals("swish", new Swish().notation());
        assertEquals("swish", new Swish().toString());
        assertEquals(new Swish(), Registry.builtIns().parse(Activation.KIND, "swish"));
        assertEquals(new Swish(), Registry.builtIns().parse(Activation.KIND, "silu"));
        assertEquals("swish", Registry.builtIns().parse(Activation.KIND, "silu").notation());
        assertThrows(NotationException.class, () -> Registry.builtIns().parse(Activation.KIND, "swish(1.0)"));
    }

    @Test
    void atPlusAndMinusAThousandValueAndSlopeAreExactlyTheirLimits() {
        Swish f = new Swish();
        assertEquals(1000.0, f.value(1000), 0.0);
        assertEquals(1.0, f.derivative(1000, 1000), 0.0);
        assertEquals(0.0, f.value(-1000), 0.0);
        assertEquals(0.0, f.derivative(-1000, 0.0), 0.0);
    }

    @Test
    void aNetworkWrittenWithSwishInItsNotationBuildsAndPassesAGradientCheck() {
        String notation = "network < dense(4, swish); dense(1, sigmoid) >";
        assertEquals(notation, NetworkSpec.parse(notation).notation());
        ConceptContracts.gradientChecked(notation, "bce", 5);
        assertEquals(notation, NetworkSpec.parse("network < dense(4, silu); dense(1, sigmoid) >").notation());
    }
}
