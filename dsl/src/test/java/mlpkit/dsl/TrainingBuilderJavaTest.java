package mlpkit.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mlpkit.core.activation.Relu;
import mlpkit.core.activation.Softmax;
import mlpkit.core.init.HeNormal;
import mlpkit.core.init.Zeros;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.SoftmaxCrossEntropy;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.optim.Sgd;
import mlpkit.dsl.config.ConfigException;
import mlpkit.dsl.spec.BatchSizeSpec;
import mlpkit.dsl.spec.DataSource;
import mlpkit.dsl.spec.DataSpec;
import mlpkit.dsl.spec.ExperimentSpec;
import mlpkit.dsl.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

/** The settings of issue 16 through the Java builder of {@link TrainingSpec}: shuffle and weightDecayPer. */
class TrainingBuilderJavaTest {
    private static ExperimentSpec moons(TrainingSpec training) {
        return new ExperimentSpec("moons",
                new DataSpec(DataSource.generator("make_moons", Map.of("n_samples", 40, "noise", 0.1, "random_state", 0))),
                NetworkSpec.of(new Dense.Spec(4, new Relu(), new HeNormal(), new Zeros()),
                        new Dense.Spec(2, new Softmax(), new HeNormal(), new Zeros())),
                training);
    }

    private static TrainingSpec.Builder base() {
        return TrainingSpec.builder().loss(new SoftmaxCrossEntropy()).optimizer(Sgd.CONCEPT.create(Map.of("lr", 0.1)))
                .epochs(2).batchSize(new BatchSizeSpec.Rows(8)).seed(0);
    }

    @Test
    void shuffleFalseFromTheBuilderIsWrittenToTheJsonAndReadsBackAsTheSameSpec() {
        ExperimentSpec spec = moons(base().shuffle(false).build());
        assertFalse(spec.getTraining().getShuffle());
        String json = Experiments.toJson(spec);
        assertTrue(json.replace(" ", "").contains("\"shuffle\":false"), json);
        assertEquals(spec, Experiments.parse(json, "again.json"));
        assertFalse(Experiments.toJson(moons(base().build())).contains("shuffle"), "the default is left out");
    }

    @Test
    void shuffleFalseFromTheBuilderReachesTheTrainingLoop() {
        double unshuffled = Experiments.fit(moons(base().shuffle(false).seed(1).build())).metric("train_loss");
        double shuffled = Experiments.fit(moons(base().seed(1).build())).metric("train_loss");
        assertTrue(unshuffled != shuffled, "the same seed shuffled and unshuffled gave the same loss " + shuffled);
    }

    @Test
    void weightDecayPerSampleWithASummedLossFromTheBuilderIsRefusedWithTheReason() {
        ExperimentSpec spec = moons(base().reduction(Reduction.SUM)
                .optimizer(Sgd.CONCEPT.create(Map.of("lr", 0.1, "weightDecay", 0.01, "weightDecayPer", "sample"))).build());
        ConfigException e = assertThrows(ConfigException.class, () -> Experiments.experiment(spec));
        assertEquals("moons: $.training.optimizer.weightDecayPer: weightDecayPer sample divides the weight decay by the batch's rows, "
                + "as scikit-learn's alpha does for a mean loss, but the loss is summed (expected reduction mean with weightDecayPer sample, "
                + "got reduction sum); use reduction mean, or weightDecayPer batch to add λθ to the summed gradient", e.getMessage());
    }
}
