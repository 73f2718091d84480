package mlpkit.core.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.ConceptContracts;
import mlpkit.core.Fixtures;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.NotationException;
import mlpkit.core.concept.Registry;
import mlpkit.core.network.NetworkSpec;
import org.junit.jupiter.api.Test;

class EluTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");

    /** How far the generator lets PyTorch's float64 result be from the exact one: 1e-15·max(1, |z|, |exact|). */
    private static double pyTorchTolerance(double z, double exact) {
        return 1e-15 * Math.max(Math.max(1, Math.abs(z)), Math.abs(exact));
    }

    @Test
    void eluMatchesPyTorchAndItsDerivativeIsAlphaTimesExpBelowZero() {
        matchesFixture(new Elu(1.0), "elu");
        matchesFixture(new Elu(0.5), "elu_alpha_0.5");
    }

    /**
     * "value" and "derivative" are the exact values rounded to the nearest double, and we evaluate the same formulas
     * (expm1 and exp below 0) with Math's functions (within 1 ulp): 1e-15 relative. "torch_value" and
     * "torch_derivative" are PyTorch's float64 results, which the generator asserts are within
     * 1e-15·max(1, |z|, |exact|) of the exact ones (PyTorch 1.13 computes e^z − 1, not expm1, so near 0 it is only
     * close in absolute terms): so we are within the sum of the two tolerances of PyTorch.
     */
    private static void matchesFixture(Elu f, String key) {
        assertEquals(f.alpha(), FIXTURES.number("activations", key, "alpha"), 0.0);
        double[] zs = FIXTURES.vector("activations", "z");
        double[] values = FIXTURES.vector("activations", key, "value");
        double[] derivatives = FIXTURES.vector("activations", key, "derivative");
        double[] torchValues = FIXTURES.vector("activations", key, "torch_value");
        double[] torchDerivatives = FIXTURES.vector("activations", key, "torch_derivative");
        assertTrue(zs.length >= 20 && values.length == zs.length && derivatives.length == zs.length, "reference points");
        for (int i = 0; i < zs.length; i++) {
            double z = zs[i];
            double a = f.value(z);
            double slope = f.derivative(z, a);
            double valueTolerance = 1e-15 * Math.abs(values[i]);
            double slopeTolerance = 1e-15 * Math.abs(derivatives[i]);
            assertEquals(values[i], a, valueTolerance, key + "(" + z + ")");
            assertEquals(derivatives[i], slope, slopeTolerance, key + "'(" + z + ")");
            assertEquals(torchValues[i], a, valueTolerance + pyTorchTolerance(z, values[i]), "PyTorch's " + key + "(" + z + ")");
            assertEquals(torchDerivatives[i], slope, slopeTolerance + pyTorchTolerance(z, derivatives[i]), "PyTorch's " + key + "'(" + z + ")");
        }
    }

    @Test
    void eluOfMinusOneIsOneOverEMinusOneAndItsSlopeThereIsOneOverE() {
        Elu f = new Elu(1.0);
        // e^−1 − 1 = 0.36787944117144233 − 1 = −0.6321205588285577 (by hand, e^−1 to 17 digits).
        assertEquals(-0.6321205588285577, f.value(-1.0), 1e-16);
        assertEquals(0.36787944117144233, f.derivative(-1.0, f.value(-1.0)), 1e-17);
        // α = 0.5 halves both: 0.5(e^−1 − 1) = −0.31606027941427883, 0.5e^−1 = 0.18393972058572117.
        Elu half = new Elu(0.5);
        assertEquals(-0.31606027941427883, half.value(-1.0), 1e-17);
        assertEquals(0.18393972058572117, half.derivative(-1.0, half.value(-1.0)), 1e-17);
        // z > 0 passes through with slope 1; at z = 0 the value is 0 and the slope is α (PyTorch's choice).
        assertEquals(2.5, half.value(2.5), 0.0);
        assertEquals(1.0, half.derivative(2.5, 2.5), 0.0);
        assertEquals(0.0, half.value(0.0), 0.0);
        assertEquals(0.5, half.derivative(0.0, 0.0), 0.0);
        assertEquals(1.0, f.derivative(0.0, 0.0), 0.0);
    }

    @Test
    void smallNegativeInputsKeepFullPrecisionThroughExpm1AndTheSlopeComesFromZNotFromA() {
        Elu f = new Elu(1.0);
        // e^z − 1 = z + z²/2 + … : for z = −1e−10 that is −9.9999999995e−11 (to 1e−15 relative), where Math.exp(z) − 1
        // would give −1.000000082740371e−10, 8e−8 off.
        assertEquals(-9.9999999995e-11, f.value(-1e-10), 1e-25);
        // At z = −40, a = e^−40 − 1 rounds to −1 exactly, so a + α would give 0; the slope is e^−40 = 4.248354255291589e−18.
        assertEquals(-1.0, f.value(-40), 0.0);
        assertEquals(4.248354255291589e-18, f.derivative(-40, f.value(-40)), 1e-33);
    }

    @Test
    void eluIsBoundedBelowByMinusAlphaAndHasAKinkAtZeroOnlyWhenAlphaIsNotOne() {
        assertEquals(-1.0, new Elu(1.0).minOutput(), 0.0);
        assertEquals(-0.5, new Elu(0.5).minOutput(), 0.0);
        assertEquals(-0.5, new Elu(0.5).value(-1000), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, new Elu(0.5).maxOutput(), 0.0);
        // α = 1: f' → 1 from both sides, so there is no kink; otherwise f' jumps from α to 1.
        assertArrayEquals(new double[0], new Elu(1.0).kinks(), 0.0);
        assertArrayEquals(new double[] {0.0}, new Elu(0.5).kinks(), 0.0);
        assertArrayEquals(new double[] {0.0}, new Elu(2.0).kinks(), 0.0);
    }

    @Test
    void eluMeetsTheElementWiseActivationContractForSeveralAlphas() {
        double[] zs = {-3.7, -1.2, -0.3, -0.01, 0.01, 0.25, 0.9, 2.6};
        ConceptContracts.elementWiseActivation(new Elu(1.0), zs);
        ConceptContracts.elementWiseActivation(new Elu(0.5), zs);
        ConceptContracts.elementWiseActivation(new Elu(2.0), zs);
    }

    @Test
    void eluIsWrittenAsItsBareNameAtTheDefaultAndWithAlphaOtherwise() {
        assertEquals("elu", new Elu(1.0).notation());
        assertEquals("elu(alpha=0.5)", new Elu(0.5).notation());
        assertEquals("elu(alpha=0.5)", new Elu(0.5).toString());
        Registry registry = Registry.builtIns();
        assertEquals(new Elu(1.0), registry.parse(Activation.KIND, "elu"));
        assertEquals(new Elu(0.5), registry.parse(Activation.KIND, "elu(alpha=0.5)"));
        assertEquals(new Elu(0.5), registry.parse(Activation.KIND, "elu(0.5)"));
        assertEquals("elu(alpha=1.0)", Elu.CONCEPT.signature());
    }

    @Test
    void aNonPositiveAlphaIsRefusedWithTheRangeAndAHint() {
        ConceptException e = assertThrows(ConceptException.class, () -> new Elu(-1.0));
        assertEquals("elu: alpha must be a number > 0, got -1.0; use a positive α such as 1.0, the default", e.getMessage());
        assertThrows(ConceptException.class, () -> new Elu(0.0));
        assertThrows(ConceptException.class, () -> new Elu(Double.NaN));
        NotationException written = assertThrows(NotationException.class, () -> Registry.builtIns().parse(Activation.KIND, "elu(alpha=0)"));
        assertEquals("notation, column 11: expected a number > 0 for alpha of elu, found 0.0; use a positive α such as 1.0, the default",
                written.getMessage());
    }

    @Test
    void atPlusAndMinusAThousandValueAndSlopeAreExactlyTheirLimits() {
        for (Elu f : new Elu[] {new Elu(1.0), new Elu(0.5)}) {
            assertEquals(-f.alpha(), f.value(-1000), 0.0);
            assertEquals(0.0, f.derivative(-1000, f.value(-1000)), 0.0);
            assertEquals(1000.0, f.value(1000), 0.0);
        }
    }

    @Test
    void aNetworkWrittenWithEluInItsNotationBuildsAndPassesAGradientCheck() {
        String notation = "network < dense(4, elu(alpha=0.5)); dense(1, sigmoid) >";
        assertEquals(notation, NetworkSpec.parse(notation).notation());
        ConceptContracts.gradientChecked(notation, "bce", 5);
        ConceptContracts.gradientChecked("network < dense(4, elu); dense(1, sigmoid) >", "bce", 5);
    }
}
