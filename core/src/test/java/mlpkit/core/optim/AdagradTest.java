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

class AdagradTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");

    @Test
    void dividesByTheRootOfTheAccumulatedSquaresByHand() {
        // s0 = 5, g = 2: s = 9, θ = 1 − 0.3·2/3 = 0.8; then g = 4: s = 25, θ = 0.8 − 0.3·4/5 = 0.56.
        // eps = 1e-300 vanishes next to √s, so the values are the formula's (1e-15: a few ulps of numbers below 1).
        Optimizer adagrad = new Adagrad(0.3, 5.0, 1e-300, 0.0, 0.0).start();
        double[] theta = {1.0};
        adagrad.step(theta, new double[]{2.0}, 0.3);
        assertEquals(0.8, theta[0], 1e-15);
        assertArrayEquals(new double[]{9.0}, adagrad.exportState().array("sum"), 0.0);
        adagrad.step(theta, new double[]{4.0}, 0.3);
        assertEquals(0.56, theta[0], 1e-15);
        assertArrayEquals(new double[]{25.0}, adagrad.exportState().array("sum"), 0.0);
    }

    @Test
    void withAConstantGradientTheStepsShrinkAsOneOverTheRootOfTheStepNumber() {
        // s_t = t·g², so step t moves by η·g/√(t g²) = η/√t whatever g is: θ_4 = −η(1 + 1/√2 + 1/√3 + 1/2).
        for (double g : new double[]{3.0, 0.001}) {
            Optimizer adagrad = new Adagrad(0.1, 0.0, 1e-300, 0.0, 0.0).start();
            double[] theta = {0.0};
            for (int t = 0; t < 4; t++) {
                adagrad.step(theta, new double[]{g}, 0.1);
            }
            assertEquals(-0.1 * (1 + 1 / Math.sqrt(2) + 1 / Math.sqrt(3) + 0.5), theta[0], 1e-15, "g = " + g);
        }
    }

    @Test
    void aZeroFirstGradientLeavesTheParameterWhereItIsBecauseEpsIsOutsideTheRoot() {
        Optimizer adagrad = new Adagrad(0.01, 0.0, 1e-10, 0.0, 0.0).start();
        double[] theta = {0.25, -1.5};
        adagrad.step(theta, new double[]{0.0, 0.0}, 0.01);
        assertArrayEquals(new double[]{0.25, -1.5}, theta, 0.0);
    }

    @Test
    void matchesPyTorchsAdagradStepByStep() {
        checkAgainstFixture("adagrad");
        checkAgainstFixture("adagrad_custom");
    }

    /**
     * The fixture's six steps of torch.optim.Adagrad(foreach=False) in float64, from the same θ0 and gradients.
     * Compared bit for bit (tolerance 0): the update performs PyTorch's operations in PyTorch's order (+, ×, ÷ and
     * √, all correctly rounded), so there is no rounding difference to allow for.
     */
    private static void checkAgainstFixture(String section) {
        ToDoubleFunction<String> setting = key -> FIXTURES.number("optimizers", section, "settings", key);
        assertEquals(0.0, setting.applyAsDouble("lr_decay"), "PyTorch's lr_decay (not a parameter here) is 0");
        double lr = setting.applyAsDouble("lr");
        Adagrad spec = new Adagrad(lr, setting.applyAsDouble("initial_accumulator_value"), setting.applyAsDouble("eps"),
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
        ConceptContracts.optimizer(new Adagrad(0.01, 0.0, 1e-10, 0.0, 0.0), 0.1);
        ConceptContracts.optimizer(new Adagrad(0.05, 0.1, 1e-7, 1e-3, 1.0), 0.05);
    }

    @Test
    void isWrittenWithTheArgumentsThatDifferFromPyTorchsDefaultsAndRefusesANegativeAccumulator() {
        Registry registry = Registry.builtIns();
        Adagrad defaults = new Adagrad(0.01, 0.0, 1e-10, 0.0, 0.0);
        assertEquals(defaults, registry.parse(OptimizerSpec.KIND, "adagrad"));
        assertEquals("adagrad", defaults.notation());
        Adagrad faster = new Adagrad(0.1, 0.0, 1e-10, 0.0, 0.0);
        assertEquals(faster, registry.parse(OptimizerSpec.KIND, "adagrad(lr=0.1)"));
        assertEquals("adagrad(lr=0.1)", faster.notation());
        Adagrad keras = new Adagrad(0.001, 0.1, 1e-7, 0.0, 0.0);
        assertEquals("adagrad(lr=0.001, initialAccumulator=0.1, eps=1.0e-7)", keras.notation());
        assertEquals(keras, registry.parse(OptimizerSpec.KIND, keras.notation()));
        assertEquals(List.of("sum"), defaults.stateNames());
        ConceptException e = assertThrows(ConceptException.class, () -> new Adagrad(0.01, -1.0, 1e-10, 0.0, 0.0));
        assertEquals("adagrad: initialAccumulator must be a number ≥ 0, got -1.0; "
                + "use 0 (PyTorch's default) or a small positive value such as 0.1 (Keras')", e.getMessage());
    }
}
