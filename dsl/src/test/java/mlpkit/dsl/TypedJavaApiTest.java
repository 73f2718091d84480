package mlpkit.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mlpkit.core.activation.Relu;
import mlpkit.core.activation.Softmax;
import mlpkit.core.init.HeNormal;
import mlpkit.core.init.Zeros;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.SoftmaxCrossEntropy;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.optim.Sgd;
import mlpkit.dsl.model.HistoryRow;
import mlpkit.dsl.spec.BatchSizeSpec;
import mlpkit.dsl.spec.DataSource;
import mlpkit.dsl.spec.DataSpec;
import mlpkit.dsl.spec.ExperimentSpec;
import mlpkit.dsl.spec.TrainingSpec;
import mlpkit.dsl.train.StopReason;
import mlpkit.dsl.train.TrainingEvent;
import mlpkit.dsl.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * The typed Java API: an experiment built from core's values and the spec classes (no JSON text in or out),
 * trained blocking with a plain listener (no coroutines), with a typed result.
 */
class TypedJavaApiTest {
    private static ExperimentSpec moons() {
        return new ExperimentSpec("moons",
                new DataSpec(DataSource.generator("make_moons", Map.of("n_samples", 100, "noise", 0.1, "random_state", 0))),
                NetworkSpec.of(new Dense.Spec(10, new Relu(), new HeNormal(), new Zeros()),
                        new Dense.Spec(2, new Softmax(), new HeNormal(), new Zeros())),
                TrainingSpec.builder()
                        .loss(new SoftmaxCrossEntropy())
                        .optimizer(Sgd.CONCEPT.create(Map.of("lr", 0.5)))
                        .epochs(300)
                        .batchSize(BatchSizeSpec.full())
                        .seed(0)
                        .build());
    }

    @Test
    void aJavaCallerBuildsTrainsAndListensWithoutJsonOrCoroutines() {
        List<Integer> epochs = new ArrayList<>();
        List<StopReason> stops = new ArrayList<>();
        TrainingResult result = Experiments.fit(moons(), new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport epoch) {
                epochs.add(epoch.getEpoch());
            }

            @Override
            public void onStopped(TrainingEvent.Stopped event) {
                stops.add(event.getReason());
            }
        });
        assertEquals(300, epochs.size());
        assertEquals(1, epochs.get(0));
        assertEquals(List.of(StopReason.Completed.INSTANCE), stops);
        assertInstanceOf(StopReason.Completed.class, result.getReason());
        HistoryRow last = result.getHistory().get(result.getHistory().size() - 1);
        assertEquals(300, last.getEpoch());
        assertEquals(0.5, last.getLearningRate());
        assertTrue(result.metric("train_accuracy") >= 0.97, "train accuracy " + result.metric("train_accuracy"));
        int[] classes = result.getModel().predictClasses(new DenseMatrix(2, 2, new double[]{0.0, 1.0, 1.0, -0.5}));
        assertEquals(2, classes.length);
    }

    @Test
    void theJavaSpecEqualsTheJsonAndTheDslForm() {
        ExperimentSpec json = Experiments.parse("""
                {
                  "name": "moons",
                  "data": { "source": { "type": "generator", "generator": "make_moons",
                                        "params": { "n_samples": 100, "noise": 0.1, "random_state": 0 } } },
                  "network": "network < dense(10, relu, weights=heNormal); dense(2, softmax, weights=heNormal) >",
                  "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.5 }, "epochs": 300,
                                "batchSize": "full", "seed": 0 }
                }
                """, "moons.json");
        assertEquals(json, moons());
        // Defaults are the same objects in Java, JSON and the DSL.
        assertEquals(TrainingSpec.DEFAULT_OPTIMIZER, new TrainingSpec().getOptimizer());
        assertEquals(TrainingSpec.DEFAULT_LOSS, Experiments.parse(
                "{\"name\": \"d\", \"data\": {\"source\": {\"type\": \"builtin\", \"set\": \"digits\"}}, "
                        + "\"network\": \"network < dense(1, sigmoid) >\"}", "d.json").getTraining().getLoss());
    }
}
