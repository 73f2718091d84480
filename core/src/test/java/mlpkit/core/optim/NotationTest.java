package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mlpkit.core.concept.Param;
import mlpkit.core.concept.Registry;
import org.junit.jupiter.api.Test;

class NotationTest {

    @Test
    void defaultOptimisersPrintTheirNameAlone() {
        assertEquals("sgd", Optimizers.sgd().notation());
        assertEquals("rmsprop", Optimizers.rmsProp().notation());
        assertEquals("adam", Optimizers.adam().notation());
        assertEquals("adamw", Optimizers.adamW().notation());
        assertEquals("adam", Optimizers.adam(0.9, 0.999, 1e-8).notation());
    }

    @Test
    void nonDefaultOptionsArePrintedInDeclarationOrder() {
        assertEquals("sgd(momentum=0.9, nesterov=true)", Optimizers.sgd(0.9, true).notation());
        assertEquals("sgd(momentum=0.9)", Optimizers.sgd(0.9, false).notation());
        assertEquals("rmsprop(rho=0.95, eps=1.0e-6)", Optimizers.rmsProp(0.95, 1e-6).notation());
        assertEquals("adam(beta1=0.8, eps=1.0e-7)", Optimizers.adam(0.8, 0.999, 1e-7).notation());
        assertEquals("adamw(weightDecay=0.1)", Optimizers.adamW(0.1).notation());
        assertEquals("adamw(weightDecay=0.0)", Optimizers.adamW(0.0).notation());
        assertEquals("adam(lr=0.01)", new Adam(0.01, 0.9, 0.999, 1e-8, 0.0, 0.0).notation());
    }

    @Test
    void commonOptionsArePrintedAfterTheOptimiserOwnOptions() {
        // The decay mask belongs to the run (the network passes one that excludes the biases), not to the
        // optimiser's specification, so the notation no longer shows it.
        OptimizerOptions options = OptimizerOptions.DEFAULTS.withWeightDecay(1e-4).withClipNorm(1.0)
                .withDecayMask(new boolean[] {true, true, false});
        assertEquals("sgd(momentum=0.9, weightDecay=1.0e-4, clipNorm=1.0)",
                Optimizers.sgd(0.9, false, options).notation());
        assertEquals("rmsprop(weightDecay=1.0e-4, clipNorm=1.0)",
                Optimizers.rmsProp(0.9, 1e-7, options).notation());
        assertEquals("adam(clipNorm=2.5)",
                Optimizers.adam(0.9, 0.999, 1e-8, OptimizerOptions.DEFAULTS.withClipNorm(2.5)).notation());
        assertEquals("adamw(weightDecay=1.0e-4, clipNorm=1.0)",
                Optimizers.adamW(0.9, 0.999, 1e-8, options).notation());
        assertEquals("adam(beta2=0.99)", Optimizers.adam(0.9, 0.99, 1e-8).toString());
        assertEquals("adam(beta2=0.99)", new Adam(0.001, 0.9, 0.99, 1e-8, 0.0, 0.0).toString());
    }

    @Test
    void numbersAreFormattedAsDoubleToStringWithALowerCaseExponent() {
        assertEquals("0.9", Param.number(0.9));
        assertEquals("0.999", Param.number(0.999));
        assertEquals("1.0e-8", Param.number(1e-8));
        assertEquals("2.5e-5", Param.number(2.5e-5));
        assertEquals("10.0", Param.number(10.0));
        assertEquals("0.0", Param.number(0.0));
        assertEquals("-0.5", Param.number(-0.5));
        assertEquals("1.0e7", Param.number(1e7));
        assertEquals("NaN", Param.number(Double.NaN));
    }

    @Test
    void factoriesReturnOptimisersOfTheConfiguredSpecification() {
        Sgd sgd = assertInstanceOf(Sgd.class, Optimizers.sgd(0.5, true).spec());
        assertEquals(0.5, sgd.momentum(), 0.0);
        assertEquals(true, sgd.nesterov());
        RmsProp rms = assertInstanceOf(RmsProp.class, Optimizers.rmsProp(0.95, 1e-6).spec());
        assertEquals(0.95, rms.rho(), 0.0);
        assertEquals(1e-6, rms.eps(), 0.0);
        Adam adam = assertInstanceOf(Adam.class, Optimizers.adam(0.8, 0.99, 1e-6).spec());
        assertEquals(0.8, adam.beta1(), 0.0);
        assertEquals(0.99, adam.beta2(), 0.0);
        assertEquals(1e-6, adam.eps(), 0.0);
        assertEquals(0.2, Optimizers.adamW(0.2).spec().weightDecay(), 0.0);
        assertEquals("adamw", Optimizers.adamW().spec().concept().name());
        assertEquals("adamw", AdamW.CONCEPT.name());
        assertEquals(List.of("sgd", "rmsprop", "adam", "adamw"),
                List.of(Sgd.CONCEPT.name(), RmsProp.CONCEPT.name(), Adam.CONCEPT.name(), AdamW.CONCEPT.name()));
        assertInstanceOf(RmsProp.class, Optimizers.rmsProp().spec());
    }

    @Test
    void everyOptimiserAndScheduleNotationParsesBackToAnEqualValue() {
        Registry registry = Registry.builtIns();
        List<OptimizerSpec> optimisers = List.of(
                Sgd.CONCEPT.create(),
                Optimizers.sgd(0.9, true).spec(),
                Optimizers.sgd(0.9, false, OptimizerOptions.DEFAULTS.withWeightDecay(1e-4).withClipNorm(1.0)).spec(),
                new Sgd(0.5, 0.0, false, 0.0, 0.0),
                RmsProp.CONCEPT.create(),
                Optimizers.rmsProp(0.95, 1e-6).spec(),
                Adam.CONCEPT.create(),
                Optimizers.adam(0.8, 0.999, 1e-7).spec(),
                new Adam(0.01, 0.9, 0.99, 1e-8, 5e-4, 2.5),
                AdamW.CONCEPT.create(),
                Optimizers.adamW(0.0).spec(),
                Optimizers.adamW(0.1).spec());
        Set<String> optimiserConcepts = new TreeSet<>();
        for (OptimizerSpec spec : optimisers) {
            String text = spec.notation();
            assertEquals(spec, registry.parse(OptimizerSpec.KIND, text), text);
            optimiserConcepts.add(spec.concept().name());
        }
        // Every registered concept, including ones added later, is written and read back by concept.RegistryTest.
        assertTrue(registry.of(OptimizerSpec.KIND).names().containsAll(optimiserConcepts), optimiserConcepts.toString());

        List<ScheduleSpec> schedules = List.of(
                new Constant(),
                new StepDecay(10, 0.5),
                new StepDecay(1, 0.9),
                new ExponentialDecay(0.9),
                new ExponentialDecay(1.0),
                new InverseScaling(0.5),
                new InverseScaling(1.0),
                new CosineDecay(0.0),
                new CosineDecay(0.01),
                new CosineDecay(1e-5));
        Set<String> scheduleConcepts = new TreeSet<>();
        for (ScheduleSpec spec : schedules) {
            String text = spec.notation();
            assertEquals(spec, registry.parse(ScheduleSpec.KIND, text), text);
            scheduleConcepts.add(spec.concept().name());
        }
        assertTrue(registry.of(ScheduleSpec.KIND).names().containsAll(scheduleConcepts), scheduleConcepts.toString());
    }
}
