package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.ToDoubleFunction;
import mlpkit.core.ConceptContracts;
import mlpkit.core.Fixtures;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.Registry;
import org.junit.jupiter.api.Test;

class NadamTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");

    @Test
    void theFirstStepHasTheSameLengthForAnyGradientByHand() {
        // ψ = 0 makes μ_t = β1/2 = 0.45 for every t. At t = 1, m = (1 − β1)g and v/(1 − β2) = g², so d = |g| (eps
        // vanishes) and θ1 = θ0 − η·sign(g)·[(1 − μ)/(1 − μ) + μ(1 − β1)/(1 − μ²)] = θ0 − η·sign(g)·(1 + 0.045/0.7975).
        double expectedStep = 0.002 * (1 + 0.045 / 0.7975);   // 0.0021128526645768026
        for (double g : new double[]{5.0, 0.01, -3.0}) {
            Optimizer nadam = new Nadam(0.002, 0.9, 0.999, 1e-300, 0.0, 0.0, 0.0).start();
            double[] theta = {1.0};
            nadam.step(theta, new double[]{g}, 0.002);
            assertEquals(1.0 - Math.signum(g) * expectedStep, theta[0], 1e-15, "g = " + g);   // a few ulps of 1
        }
    }

    @Test
    void keepsTheRunningProductOfTheMomentumScheduleInItsState() {
        // μ_t = β1(1 − ½·0.96^(tψ)): with ψ = 0.004, μ_1 = 0.45007347…, rising slowly towards β1.
        Optimizer nadam = new Nadam(0.002, 0.9, 0.999, 1e-8, 0.004, 0.0, 0.0).start();
        double[] theta = {1.0, -2.0, 0.5};
        double product = 1.0;
        for (int t = 1; t <= 3; t++) {
            nadam.step(theta, new double[]{0.3, -0.1, 2.0}, 0.002);
            product *= 0.9 * (1.0 - 0.5 * StrictMath.pow(0.96, t * 0.004));
        }
        // μ_1 as CPython computes it (glibc's pow): Java's StrictMath.pow gives the same bits, which the agreement of the
        // trajectory with PyTorch's relies on.
        assertEquals(0.45007347359129607, 0.9 * (1.0 - 0.5 * StrictMath.pow(0.96, 0.004)), 0.0);
        OptimizerState state = nadam.exportState();
        assertEquals(List.of("m", "v", "muProduct"), List.copyOf(state.names()));
        assertArrayEquals(new double[]{product, product, product}, state.array("muProduct"), 0.0);
        assertEquals(3, state.step());
    }

    @Test
    void matchesPyTorchsNAdamStepByStep() {
        checkAgainstFixture("nadam");
        checkAgainstFixture("nadam_custom");
    }

    /**
     * The fixture's six steps of torch.optim.NAdam's single-tensor algorithm (PyTorch 2.0's, float64), from the same
     * θ0 and gradients. Compared bit for bit (tolerance 0): the update performs PyTorch's operations in PyTorch's
     * order, and StrictMath.pow gives the same μ_t and 1 − β2^t as CPython here (see the test above).
     */
    private static void checkAgainstFixture(String section) {
        ToDoubleFunction<String> setting = key -> FIXTURES.number("optimizers", section, "settings", key);
        assertEquals(Boolean.FALSE, FIXTURES.get("optimizers", section, "settings", "decoupled_weight_decay"),
                "the weight decay is PyTorch's L2 form");
        double lr = setting.applyAsDouble("lr");
        double[] betas = FIXTURES.vector("optimizers", section, "settings", "betas");
        Nadam spec = new Nadam(lr, betas[0], betas[1], setting.applyAsDouble("eps"), setting.applyAsDouble("momentum_decay"),
                setting.applyAsDouble("weight_decay"), 0.0);
        double[] theta = FIXTURES.vector("optimizers", section, "theta0");
        double[][] gradients = FIXTURES.matrix("optimizers", section, "gradients");
        double[][] thetas = FIXTURES.matrix("optimizers", section, "thetas");
        assertEquals(6, gradients.length);
        Optimizer optimizer = spec.start();
        for (int t = 0; t < gradients.length; t++) {
            optimizer.step(theta, gradients[t].clone(), lr);
            for (int i = 0; i < theta.length; i++) {
                assertEquals(thetas[t][i], theta[i], 0.0, section + " step " + (t + 1) + " entry " + i);
            }
        }
    }

    @Test
    void meetsTheOptimiserContractAndResumesBitForBitFromAnExportedState() {
        ConceptContracts.optimizer(new Nadam(0.002, 0.9, 0.999, 1e-8, 0.004, 0.0, 0.0), 0.05);
        ConceptContracts.optimizer(new Nadam(0.01, 0.8, 0.99, 1e-6, 0.01, 1e-3, 1.0), 0.05);
    }

    @Test
    void isWrittenWithTheArgumentsThatDifferFromPyTorchsDefaultsAndRefusesANegativeMomentumDecay() {
        Registry registry = Registry.builtIns();
        Nadam defaults = new Nadam(0.002, 0.9, 0.999, 1e-8, 0.004, 0.0, 0.0);
        assertEquals(defaults, registry.parse(OptimizerSpec.KIND, "nadam"));
        assertEquals("nadam", defaults.notation());
        Nadam custom = new Nadam(0.001, 0.9, 0.999, 1e-8, 0.01, 0.0, 0.0);
        assertEquals("nadam(lr=0.001, momentumDecay=0.01)", custom.notation());
        assertEquals(custom, registry.parse(OptimizerSpec.KIND, "nadam(lr=0.001, momentumDecay=0.01)"));
        ConceptException e = assertThrows(ConceptException.class, () -> new Nadam(0.002, 0.9, 0.999, 1e-8, -1e-3, 0.0, 0.0));
        assertEquals("nadam: momentumDecay must be a number ≥ 0, got -0.001; use PyTorch's 0.004, or 0 for a constant μ = β1/2",
                e.getMessage());
    }
}
