package mlpkit.core.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mlpkit.core.ConceptContracts;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.ElementWise;
import mlpkit.core.gradcheck.GradientCheck;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.UserLoss;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.optim.OptimizerSpec;
import mlpkit.core.optim.ScheduleSpec;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** The built-in registry: found from the index written at build time, and every concept meets its kind's contract. */
class RegistryTest {
    private final Registry builtIns = Registry.builtIns();

    @Test
    void theIndexListsExactlyTheCompiledClassesThatDeclareAConcept() throws Exception {
        Path classes = Path.of(Activation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> scanned = ConceptIndex.scan(classes, getClass().getClassLoader());
        List<String> indexed = new ArrayList<>();
        for (Concept<?> concept : builtIns.all()) {
            indexed.add(concept.getClass().getName());
        }
        List<String> loaded = new ArrayList<>();
        for (Concept<?> concept : ConceptIndex.load(getClass().getClassLoader())) {
            loaded.add(concept.name());
        }
        assertEquals(scanned.size(), loaded.size(), "indexed " + loaded + ", scanned " + scanned);
        assertTrue(scanned.contains("mlpkit.core.activation.Sigmoid"), scanned.toString());
        assertTrue(scanned.contains("mlpkit.core.layer.Dense$Spec"), scanned.toString());
    }

    @Test
    void everyKindHasItsConceptsAndNamesAreUniqueWithinAKind() {
        for (Kind<?> kind : List.of(Activation.KIND, Loss.KIND, OptimizerSpec.KIND, ScheduleSpec.KIND)) {
            Concepts<?> concepts = builtIns.of(kind);
            assertTrue(concepts.all().size() >= 4, kind + ": " + concepts);
            List<String> names = new ArrayList<>();
            for (Concept<?> c : concepts.all()) {
                for (String name : c.names()) {
                    assertTrue(!names.contains(name), kind + " name " + name + " twice");
                    names.add(name);
                }
            }
        }
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> builtIns.with(Activation.of("relu", z -> z, z -> 1).concept()));
        assertEquals("cannot add the activation 'relu': the name 'relu' is taken by the activation relu; choose another name",
                clash.getMessage());
    }

    @Test
    void everyConceptWrittenWithExampleArgumentsReadsBackEqual() {
        for (Concept<?> concept : builtIns.all()) {
            Object value = concept.create(exampleArguments(concept));
            String notation = concept.notationOf(value);
            assertEquals(value, builtIns.parse(concept.kind(), notation), notation);
            assertTrue(notation.startsWith(concept.name()), notation);
        }
    }

    @Test
    void everyElementWiseActivationMeetsTheActivationContract() {
        for (Concept<Activation> concept : builtIns.of(Activation.KIND).all()) {
            if (concept.create(exampleArguments(concept)) instanceof ElementWise f) {
                ConceptContracts.elementWiseActivation(f, -3.7, -1.2, -0.3, 0.25, 0.9, 2.6);
            }
        }
    }

    @Test
    void everyLossForValuesMeetsTheLossContract() {
        for (Concept<Loss> concept : builtIns.of(Loss.KIND).all()) {
            Loss loss = concept.create(exampleArguments(concept));
            if (loss.targets() == Loss.Targets.VALUES && loss.suits(builtIns.parse(Activation.KIND, "identity"))) {
                ConceptContracts.valueLoss(loss);
            }
        }
    }

    @Test
    void everyOptimiserMeetsTheOptimiserContract() {
        int fullBatch = 0;
        for (Concept<OptimizerSpec> concept : builtIns.of(OptimizerSpec.KIND).all()) {
            OptimizerSpec spec = concept.create(exampleArguments(concept));
            if (spec.fullBatch()) {
                ConceptContracts.fullBatchOptimizer(spec);
                fullBatch++;
            } else {
                ConceptContracts.optimizer(spec, 0.05);
            }
        }
        assertEquals(1, fullBatch, "lbfgs is the one full-batch optimiser and meets the full-batch contract");
    }

    @Test
    void everyScheduleMeetsTheScheduleContract() {
        Map<Integer, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (int e = 0; e < 30; e++) {
            metrics.put(e, Map.of("train_loss", 1.0 / (1 + Math.min(e, 8)), "validation_loss", 1.0 / (1 + Math.min(e, 5))));
        }
        for (Concept<ScheduleSpec> concept : builtIns.of(ScheduleSpec.KIND).all()) {
            ConceptContracts.schedule(concept.create(exampleArguments(concept)), 30, 0.1, metrics);
        }
    }

    @Test
    void aUsersOwnActivationAndLossWorkLikeBuiltInOnesOnceAddedToTheRegistry() {
        Activation swish2 = Activation.of("swish2", z -> z / (1 + Math.exp(-z)),
                z -> {
                    double s = 1 / (1 + Math.exp(-z));
                    return s + z * s * (1 - s);
                });
        Loss quartic = UserLoss.of("quartic", (a, y) -> Math.pow(a - y, 4), (a, y) -> 4 * Math.pow(a - y, 3));
        Registry registry = builtIns.with(swish2.concept(), quartic.concept());

        NetworkSpec spec = NetworkSpec.parse("network < dense(5, swish2); dense(2, identity) >", registry);
        assertEquals("network < dense(5, swish2); dense(2, identity) >", spec.notation());
        Network network = Network.build(spec, 3, registry.parse(Loss.KIND, "quartic"), 4L);
        assertTrue(GradientCheck.of(network).reduction(Reduction.MEAN).runOnRandomData(6, new MersenneTwister(5)).passes(1e-6));

        NotationException unknown = assertThrows(NotationException.class,
                () -> NetworkSpec.parse("network < dense(5, swish2); dense(2, identity) >"));
        assertEquals(20, unknown.column());
        assertEquals("'swish2'", unknown.found());
    }

    @Test
    void parametersDescribeTheirRangesAsUsersReadThem() {
        assertEquals("a number in [0, 1)", Param.real("p", 0.5).atLeast(0).lessThan(1).expectation());
        assertEquals("a whole number ≥ 1", Param.integer("n", 1).atLeast(1).expectation());
        assertEquals("a number > 0", Param.real("x", 1).greaterThan(0).expectation());
        assertEquals("a number in (0, 0.5]", Param.real("x", 0.1).greaterThan(0).atMost(0.5).expectation());
        assertEquals("a finite number", Param.real("x").expectation());
        assertEquals("one of auto, min, max", Param.text("mode", "auto", "auto", "min", "max").expectation());
        assertEquals("an activation", Param.concept("f", Activation.KIND).expectation());
        ConceptException e = assertThrows(ConceptException.class, () -> Param.real("x", 1).greaterThan(0).coerce(Double.NaN, "c"));
        assertEquals("c: x must be a number > 0, got NaN", e.getMessage());
    }

    /** The defaults, and for a required parameter a value inside its range. */
    static Map<String, Object> exampleArguments(Concept<?> concept) {
        Map<String, Object> args = new LinkedHashMap<>();
        int index = 0;
        for (Param p : concept.params()) {
            double real = 0.5 + 0.125 * index++;
            if (!p.isRequired()) {
                continue;
            }
            args.put(p.name(), switch (p.type()) {
                case INTEGER -> 3;
                case REAL -> p.problem(real) == null ? real : p.problem(1.0) == null ? 1.0 : 2.0;
                case BOOLEAN -> false;
                case TEXT -> p.choices().isEmpty() ? "val_loss" : p.choices().get(0);
                case CONCEPT -> Registry.builtIns().of(p.kind()).all().get(0).create();
            });
        }
        return args;
    }
}
