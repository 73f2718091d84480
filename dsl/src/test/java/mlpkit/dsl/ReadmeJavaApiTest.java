package mlpkit.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mlpkit.core.activation.Relu;
import mlpkit.core.activation.Softmax;
import mlpkit.core.init.HeNormal;
import mlpkit.core.init.Zeros;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.SoftmaxCrossEntropy;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.optim.Sgd;
import mlpkit.dsl.spec.BatchSizeSpec;
import mlpkit.dsl.spec.DataSource;
import mlpkit.dsl.spec.DataSpec;
import mlpkit.dsl.spec.ExperimentSpec;
import mlpkit.dsl.spec.TrainingSpec;
import mlpkit.dsl.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** README.md's typed Java experiment, verbatim between the markers: if this code changes, change the README. */
class ReadmeJavaApiTest {
    @Test
    void theReadmeShowsExactlyTheCodeThisTestRuns() throws IOException {
        String test = Files.readString(Path.of("src/test/java/mlpkit/dsl/ReadmeJavaApiTest.java"));
        String between = test.substring(test.lastIndexOf("// README-BEGIN"), test.lastIndexOf("// README-END"));
        StringBuilder code = new StringBuilder();
        for (String line : between.substring(between.indexOf('\n') + 1).stripTrailing().split("\n")) {
            code.append(line.strip().isEmpty() ? "" : line.substring(12)).append('\n');
        }
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + code + "```\n"),
                "README.md's typed Java example differs from this test's code between the markers:\n" + code);
    }

    @Test
    void theReadmeExperimentTrainsTheMoonsAndReportsEveryHundredthEpoch() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // README-BEGIN
            ExperimentSpec spec = new ExperimentSpec("moons",
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
            TrainingResult result = Experiments.fit(spec, new TrainingListener() {
                @Override
                public void onEpochEnd(EpochReport epoch) {
                    if (epoch.getEpoch() % 100 == 0) System.out.println(epoch.getEpoch() + " " + epoch.getTrainLoss());
                }
            });
            System.out.println(result.metric("train_accuracy"));   // 0.99
            // README-END
            System.out.flush();
            String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
            assertEquals(4, lines.length, String.join("\n", lines));
            assertEquals(0.99, result.metric("train_accuracy"), 1e-12);
            assertEquals("100", lines[0].split(" ")[0]);
            assertEquals("300 " + result.getHistory().get(299).getMetrics().get("train_loss"), lines[2]);
            assertEquals(String.valueOf(result.metric("train_accuracy")), lines[3]);
        } finally {
            System.setOut(original);
        }
    }
}
