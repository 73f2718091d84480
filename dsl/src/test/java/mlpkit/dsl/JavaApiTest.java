package mlpkit.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.dsl.config.ConfigException;
import mlpkit.dsl.spec.ExperimentSpec;
import mlpkit.dsl.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** The experiment API as a Java caller sees it: static methods, no Kotlin-specific types needed. */
class JavaApiTest {
    private static final String MOONS = """
            {
              "name": "moons",
              "data": { "source": { "type": "generator", "generator": "make_moons",
                                    "params": { "n_samples": 100, "noise": 0.1, "random_state": 0 } } },
              "network": "network < dense(10, relu, weights=heNormal); dense(2, softmax, weights=heNormal) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.5 }, "epochs": 300,
                            "batchSize": "full", "seed": 0 }
            }
            """;

    @Test
    void aJavaCallerParsesTrainsAndPredictsWithStaticMethods() {
        ExperimentSpec spec = Experiments.parse(MOONS, "moons.json");
        assertEquals(spec, Experiments.parse(Experiments.toJson(spec), "again.json"));
        TrainingResult result = Experiments.fit(spec);
        assertTrue(result.metric("train_accuracy") >= 0.97, "train accuracy " + result.metric("train_accuracy"));
        int[] classes = result.getModel().predictClasses(new mlpkit.core.matrix.DenseMatrix(1, 2, new double[]{0.0, 1.0}));
        assertEquals(1, classes.length);
    }

    @Test
    void aBadFileIsAConfigExceptionWithItsPath() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Experiments.parse(MOONS.replace("\"epochs\": 300", "\"epochs\": -3"), "moons.json"));
        assertEquals("moons.json: $.training.epochs: epochs out of range (expected a whole number ≥ 1, got -3); the passes over the training rows, e.g. 100", e.getMessage());
    }
}
