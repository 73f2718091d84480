package mlpkit.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import mlpkit.core.ConceptContracts;
import mlpkit.core.Fixtures;
import mlpkit.core.concept.NotationException;
import mlpkit.core.concept.Registry;
import mlpkit.core.network.NetworkSpec;
import org.junit.jupiter.api.Test;

class SoftplusTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");

    /** How far the generator lets PyTorch's float64 result be from the exact one: 1e-15·max(1, |z|, |exact|). */
    private static double pyTorchTolerance(double z, double exact) {
        return 1e-15 * Math.max(Math.max(1, Math.abs(z)), Math.abs(exact));
    }

    /**
     * "value" and "derivative" are the exact values rounded to the nearest double, and we evaluate the same stable
     * formulas with Math's functions (within 1 ulp): 1e-15 relative. "torch_value" and "torch_derivative" are
     * PyTorch's float64 softplus with its identity shortcut switched off (threshold=1e9), within
     * 1e-15·max(1, |z|, |exact|) of the exact ones (asserted by the generator): so we are within the sum of the two
     * tolerances of PyTorch.
     */
    @Test
    void softplusMatchesTheReferenceAndItsDerivativeIsTheSigmoid() {
        double[] zs = FIXTURES.vector("activations", "z");
        double[] values = FIXTURES.vector("activations", "softplus", "value");
        double[] derivatives = FIXTURES.vector("activations", "softplus", "derivative");
        double[] torchValues = FIXTURES.vector("activations", "softplus", "torch_value");
        double[] torchDerivatives = FIXTURES.vector("activations", "softplus", "torch_derivative");
        assertTrue(zs.length >= 20 && values.length == zs.length && derivatives.length == zs.length, "reference points");
        Softplus f = new Softplus();
        Sigmoid sigmoid = new Sigmoid();
        for (int i = 0; i < zs.length; i++) {
            double z = zs[i];
            double a = f.value(z);
            double slope = f.derivative(z, a);
            double valueTolerance = 1e-15 * Math.abs(values[i]);
            double slopeTolerance = 1e-15 * Math.abs(derivatives[i]);
            assertEquals(values[i], a, valueTolerance, "softplus(" + z + ")");
            assertEquals(derivatives[i], slope, slopeTolerance, "softplus'(" + z + ")");
            assertEquals(torchValues[i], a, valueTolerance + pyTorchTolerance(z, values[i]), "PyTorch's softplus(" + z + ")");
            assertEquals(torchDerivatives[i], slope, slopeTolerance + pyTorchTolerance(z, derivatives[i]), "PyTorch's softplus'(" + z + ")");
            // mlpkit's sigmoid uses its own e^x (within about 1 ulp of Math.exp): the same σ to a few ulps.
            assertEquals(sigmoid.value(z), slope, 1e-15 * sigmoid.value(z), "σ(" + z + ")");
        }
        // The fixture's z = 21 lies above PyTorch's default threshold 20, where PyTorch would return 21 itself; the
        // reference (and we, checked above) give 21 + log1p(e^−21) = 21 + 7.58e−10.
        int at21 = Arrays.binarySearch(zs, 21.0);
        assertEquals(21.000000000758256, values[at21], Math.ulp(21.0));
    }

    @Test
    void softplusOfZeroIsLogTwoAndItsTailsKeepFullPrecision() {
        Softplus f = new Softplus();
        assertEquals(0.6931471805599453, f.value(0.0), 0.0);                 // ln 2
        assertEquals(0.5, f.derivative(0.0, f.value(0.0)), 0.0);             // σ(0)
        // log(1 + e^−40) = e^−40 − e^−80/2 + … = 4.248354255291589e−18; Math.log(1 + Math.exp(−40)) gives 0.
        assertEquals(4.248354255291589e-18, f.value(-40), 1e-15 * 4.248354255291589e-18);
        assertEquals(0.0, Math.log(1 + Math.exp(-40)), 0.0);
        // f(z) − f(−z) = z: log((1 + e^z)/(1 + e^−z)) = log(e^z). Both share the same log1p(e^−|z|), so only the sum
        // z + log1p(…) and the difference round, each by at most half an ulp of f(z).
        for (double z : new double[] {0.3, 1.7, 6.0, 19.5}) {
            assertEquals(z, f.value(z) - f.value(-z), Math.ulp(f.value(z)), "softplus(" + z + ") − softplus(−" + z + ")");
        }
    }

    @Test
    void aboveTwentySoftplusIsStillTheExactFunctionNotPyTorchsIdentityShortcut() {
        Softplus f = new Softplus();
        // log(1 + e^25) = 25 + log1p(e^−25) = 25 + 1.3887943864e−11 (mpmath: 25.000000000013888); PyTorch returns 25.
        assertEquals(25.000000000013888, f.value(25), 0.0);
        // σ(25) = 1 − e^−25 + … = 0.9999999999861121; PyTorch's backward above the threshold passes the gradient as 1.
        assertEquals(0.9999999999861121, f.derivative(25, f.value(25)), 1e-15);
        assertEquals(1000.0, f.value(1000), 0.0);
        assertEquals(1.0, f.derivative(1000, 1000), 0.0);
        assertEquals(0.0, f.value(-1000), 0.0);
        assertEquals(0.0, f.derivative(-1000, 0.0), 0.0);
    }

    @Test
    void softplusIsPositiveWithNoKink() {
        Softplus f = new Softplus();
        assertEquals(0.0, f.minOutput(), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, f.maxOutput(), 0.0);
        assertEquals(0, f.kinks().length);
    }

    @Test
    void softplusMeetsTheElementWiseActivationContract() {
        ConceptContracts.elementWiseActivation(new Softplus(), -30.0, -3.7, -1.2, -0.3, 0.0, 0.25, 0.9, 2.6, 30.0);
    }

    @Test
    void softplusIsWrittenAsItsBareNameAndTakesNoArguments() {
        assertEquals("softplus", new Softplus().notation());
        assertEquals("softplus", new Softplus().toString());
        assertEquals(new Softplus(), Registry.builtIns().parse(Activation.KIND, "softplus"));
        assertThrows(NotationException.class, () -> Registry.builtIns().parse(Activation.KIND, "softplus(1.0)"));
    }

    @Test
    void atPlusAndMinusAThousandValueAndSlopeAreExactlyTheirLimits() {
        Softplus f = new Softplus();
        assertEquals(1000.0, f.value(1000), 0.0);
        assertEquals(1.0, f.derivative(1000, 1000), 0.0);
        assertEquals(0.0, f.value(-1000), 0.0);   // e^−1000 underflows: 0 is the nearest double
        assertEquals(0.0, f.derivative(-1000, 0.0), 0.0);
    }

    @Test
    void aNetworkWrittenWithSoftplusInItsNotationBuildsAndPassesAGradientCheck() {
        String notation = "network < dense(4, softplus); dense(1, sigmoid) >";
        assertEquals(notation, NetworkSpec.parse(notation).notation());
        ConceptContracts.gradientChecked(notation, "bce", 5);
    }
}
