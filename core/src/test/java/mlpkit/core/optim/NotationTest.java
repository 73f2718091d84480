package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class NotationTest {

    @Test
    void defaultOptimisersPrintNoOptions() {
        assertEquals("sgd()", Optimizers.sgd().notation());
        assertEquals("rmsProp()", Optimizers.rmsProp().notation());
        assertEquals("adam()", Optimizers.adam().notation());
        assertEquals("adamW()", Optimizers.adamW().notation());
        assertEquals("adam()", Optimizers.adam(0.9, 0.999, 1e-8).notation());
    }

    @Test
    void nonDefaultOptionsArePrintedInDeclarationOrder() {
        assertEquals("sgd(momentum=0.9, nesterov=true)", Optimizers.sgd(0.9, true).notation());
        assertEquals("sgd(momentum=0.9)", Optimizers.sgd(0.9, false).notation());
        assertEquals("rmsProp(rho=0.95, eps=1e-6)", Optimizers.rmsProp(0.95, 1e-6).notation());
        assertEquals("adam(beta1=0.8, eps=1e-7)", Optimizers.adam(0.8, 0.999, 1e-7).notation());
        assertEquals("adamW(weightDecay=0.1)", Optimizers.adamW(0.1).notation());
        assertEquals("adamW(weightDecay=0)", Optimizers.adamW(0.0).notation());
    }

    @Test
    void commonOptionsArePrintedAfterTheOptimiserOwnOptions() {
        OptimizerOptions options = OptimizerOptions.DEFAULTS.withWeightDecay(1e-4).withClipNorm(1.0)
                .withDecayMask(new boolean[] {true, true, false});
        assertEquals("sgd(momentum=0.9, weightDecay=1e-4, clipNorm=1, decayMask=2/3)",
                Optimizers.sgd(0.9, false, options).notation());
        assertEquals("rmsProp(weightDecay=1e-4, clipNorm=1, decayMask=2/3)",
                Optimizers.rmsProp(0.9, 1e-7, options).notation());
        assertEquals("adam(clipNorm=2.5)",
                Optimizers.adam(0.9, 0.999, 1e-8, OptimizerOptions.DEFAULTS.withClipNorm(2.5)).notation());
        assertEquals("adamW(weightDecay=1e-4, clipNorm=1, decayMask=2/3)",
                Optimizers.adamW(0.9, 0.999, 1e-8, options).notation());
        assertEquals("adam(beta2=0.99)", Optimizers.adam(0.9, 0.99, 1e-8).toString());
    }

    @Test
    void numbersAreFormattedTheWayAPersonTypesThem() {
        assertEquals("0.9", Notation.number(0.9));
        assertEquals("0.999", Notation.number(0.999));
        assertEquals("1e-8", Notation.number(1e-8));
        assertEquals("2.5e-5", Notation.number(2.5e-5));
        assertEquals("10", Notation.number(10.0));
        assertEquals("0", Notation.number(0.0));
        assertEquals("-0.5", Notation.number(-0.5));
        assertEquals("1e7", Notation.number(1e7));
        assertEquals("NaN", Notation.number(Double.NaN));
    }

    @Test
    void factoriesReturnTheConfiguredTypes() {
        Sgd sgd = Optimizers.sgd(0.5, true);
        assertEquals(0.5, sgd.momentum(), 0.0);
        assertEquals(true, sgd.nesterov());
        assertEquals(0.95, Optimizers.rmsProp(0.95, 1e-6).rho(), 0.0);
        assertEquals(1e-6, Optimizers.rmsProp(0.95, 1e-6).eps(), 0.0);
        Adam adam = Optimizers.adam(0.8, 0.99, 1e-6);
        assertEquals(0.8, adam.beta1(), 0.0);
        assertEquals(0.99, adam.beta2(), 0.0);
        assertEquals(1e-6, adam.eps(), 0.0);
        assertEquals(0.2, Optimizers.adamW(0.2).weightDecay(), 0.0);
        assertEquals("adamW", Optimizers.adamW().kind());
        assertInstanceOf(Optimizer.class, Optimizers.rmsProp());
    }
}
