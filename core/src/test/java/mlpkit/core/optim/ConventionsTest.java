package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mlpkit.core.Fixtures;
import mlpkit.core.concept.Registry;
import org.junit.jupiter.api.Test;

/**
 * The peers' conventions against their libraries: 20 steps from θ0 with the gradient of a scaled Rosenbrock
 * sum, compared to PyTorch's, scikit-learn's and Keras' numbers (scripts/generate_convention_fixtures.py) to
 * 1e-9 relative. The SGD forms decay the rate ×0.1 after step 10.
 */
class ConventionsTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/optim/conventions/convention_fixtures.json");
    private static final double RELATIVE = 1e-9;

    /** ∇ of Σ_{i<n-1} (1 − θ_i)² + 10·(θ_{i+1} − θ_i²)², as the fixture script computes it. */
    static double[] gradient(double[] t) {
        double[] g = new double[t.length];
        for (int i = 0; i < t.length - 1; i++) {
            double r = t[i + 1] - t[i] * t[i];
            g[i] += -2.0 * (1.0 - t[i]) - 40.0 * t[i] * r;
            g[i + 1] += 20.0 * r;
        }
        return g;
    }

    private static double[] run(String notation, double lr, boolean decay) {
        Optimizer optimizer = Registry.builtIns().parse(OptimizerSpec.KIND, notation).start();
        double[] theta = FIXTURES.vector("theta0");
        int decayAfter = (int) FIXTURES.number("decayAfterStep");
        for (int step = 1; step <= (int) FIXTURES.number("steps"); step++) {
            double rate = decay && step > decayAfter ? lr * 0.1 : lr;
            optimizer.step(theta, gradient(theta), rate);
        }
        return theta;
    }

    private static void assertMatches(String fixture, double[] actual) {
        double[] expected = FIXTURES.vector(fixture);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], RELATIVE * Math.abs(expected[i]), fixture + "[" + i + "]");
        }
    }

    private static void assertDiffers(String fixture, double[] actual) {
        double[] expected = FIXTURES.vector(fixture);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / Math.abs(expected[i]));
        }
        assertTrue(worst > 1e-6, fixture + " is matched by the other convention too: " + worst);
    }

    @Test
    void adamsDefaultConventionMatchesPyTorchsAdamAfterTwentySteps() {
        assertMatches("adam_torch", run("adam(lr=0.01)", 0.01, false));
        assertMatches("adam_torch_eps_0.1", run("adam(lr=0.01, eps=0.1)", 0.01, false));
    }

    @Test
    void adamsKerasConventionMatchesKerasFormulaWithItsDefaultEpsilon() {
        assertMatches("adam_keras", run("adam(lr=0.01, eps=1e-7, convention=keras)", 0.01, false));
        assertMatches("adam_keras_eps_0.1", run("adam(lr=0.01, eps=0.1, convention=keras)", 0.01, false));
    }

    @Test
    void adamsSklearnConventionMatchesScikitLearnsAdamOptimizer() {
        assertMatches("adam_sklearn", run("adam(lr=0.01, convention=sklearn)", 0.01, false));
        assertMatches("adam_sklearn_eps_0.1", run("adam(lr=0.01, eps=0.1, convention=sklearn)", 0.01, false));
    }

    @Test
    void theTwoAdamPlacementsOfEpsilonGiveDifferentIterates() {
        assertDiffers("adam_torch_eps_0.1", run("adam(lr=0.01, eps=0.1, convention=sklearn)", 0.01, false));
        assertDiffers("adam_sklearn_eps_0.1", run("adam(lr=0.01, eps=0.1)", 0.01, false));
    }

    @Test
    void sgdsTorchConventionMatchesPyTorchsSgdAcrossATenfoldRateDecay() {
        assertMatches("sgd_torch_momentum", run("sgd(lr=0.01, momentum=0.9, convention=torch)", 0.01, true));
        assertMatches("sgd_torch_nesterov", run("sgd(lr=0.01, momentum=0.9, nesterov=true, convention=torch)", 0.01, true));
    }

    @Test
    void sgdsDefaultKerasConventionMatchesScikitLearnsSgdOptimizerAcrossATenfoldRateDecay() {
        assertMatches("sgd_sklearn_momentum", run("sgd(lr=0.01, momentum=0.9)", 0.01, true));
        assertMatches("sgd_sklearn_nesterov", run("sgd(lr=0.01, momentum=0.9, nesterov=true)", 0.01, true));
        assertDiffers("sgd_torch_momentum", run("sgd(lr=0.01, momentum=0.9)", 0.01, true));
        assertDiffers("sgd_torch_nesterov", run("sgd(lr=0.01, momentum=0.9, nesterov=true)", 0.01, true));
    }

    @Test
    void rmspropsTorchConventionWithPyTorchsDefaultsMatchesPyTorchsRmsprop() {
        assertMatches("rmsprop_torch", run("rmsprop(lr=0.01, rho=0.99, eps=1e-8, convention=torch)", 0.01, false));
        assertMatches("rmsprop_torch_eps_0.1", run("rmsprop(lr=0.01, rho=0.99, eps=0.1, convention=torch)", 0.01, false));
        assertDiffers("rmsprop_torch_eps_0.1", run("rmsprop(lr=0.01, rho=0.99, eps=0.1)", 0.01, false));
    }

    @Test
    void theConventionsAreWrittenInTheNotationOnlyWhenTheyAreNotTheDefault() {
        assertEquals("adam", new Adam(0.001, 0.9, 0.999, 1e-8, 0, 0).notation());
        assertEquals("adam(convention=sklearn, weightDecayPer=sample)",
                Adam.CONCEPT.create(Map.of("convention", "sklearn", "weightDecayPer", "sample")).notation());
        assertEquals("sgd(momentum=0.9, convention=torch)",
                Sgd.CONCEPT.create(Map.of("momentum", 0.9, "convention", "torch")).notation());
    }

    @Test
    void anUnknownConventionIsRefusedNamingTheChoices() {
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> Registry.builtIns().parse(OptimizerSpec.KIND, "adam(convention=jax)"));
        assertTrue(e.getMessage().contains("torch") && e.getMessage().contains("sklearn"), e.getMessage());
    }

    @Test
    void aPerSampleDecayDividesLambdaThetaByTheBatchRows() {
        // λ = 0.5, rows = 4: g' = g + 0.5·θ/4; plain SGD η = 1: θ = [2] − (1 + 0.25) = [0.75]
        Optimizer sgd = Sgd.CONCEPT.create(Map.of("lr", 1.0, "weightDecay", 0.5, "weightDecayPer", "sample")).start();
        double[] theta = {2.0};
        sgd.step(theta, new double[]{1.0}, 1.0, 4);
        assertEquals(0.75, theta[0], 0.0);
        Exception e = assertThrows(IllegalArgumentException.class, () -> sgd.step(theta, new double[]{1.0}, 1.0));
        assertTrue(e.getMessage().contains("rows"), e.getMessage());
    }
}
