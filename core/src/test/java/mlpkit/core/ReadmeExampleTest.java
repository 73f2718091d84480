package mlpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.gradcheck.GradientCheck;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mlpkit.core.loss.BinaryCrossEntropy;
import org.junit.jupiter.api.Test;

/** The Java example in README.md, verbatim between the markers: if this test changes, change the README. */
class ReadmeExampleTest {
    @Test
    void theReadmeShowsExactlyTheCodeThisTestRuns() throws IOException {
        String test = Files.readString(Path.of("src/test/java/mlpkit/core/ReadmeExampleTest.java"));
        String between = test.substring(test.lastIndexOf("// README-BEGIN") + "// README-BEGIN".length(),
                test.lastIndexOf("// README-END"));
        StringBuilder code = new StringBuilder();
        for (String line : between.substring(between.indexOf('\n') + 1).stripTrailing().split("\n")) {
            code.append(line.strip().isEmpty() ? "" : line.substring(8)).append('\n');
        }
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + code + "```\n"),
                "README.md's Java example differs from this test's code between the markers:\n" + code);
    }

    @Test
    void theReadmeExampleLearnsXorAndPassesItsGradientCheck() {
        // README-BEGIN
        DenseMatrix x = DenseMatrix.of(new double[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        DenseMatrix y = DenseMatrix.of(new double[][]{{0}, {1}, {1}, {0}});

        NetworkSpec spec = NetworkSpec.parse("network < dense(4, tanh); dense(1, sigmoid) >");
        Network network = Network.build(spec, 2, new BinaryCrossEntropy(), 42L);   // 2 inputs, seed 42
        Optimizer adam = Optimizers.adam();
        for (int step = 0; step < 500; step++) {
            network.computeGradient(x, y, Reduction.MEAN);                   // forward + backward
            adam.step(network.parameters(), network.gradients(), 0.05);       // update in place
        }
        System.out.println(network);                      // network < dense(4, tanh); dense(1, sigmoid) >
        System.out.println(network.predict(x));           // ≈ 0, 1, 1, 0
        System.out.println(GradientCheck.of(network).run(x, y).table());
        // README-END

        DenseMatrix p = network.predict(x);
        for (int i = 0; i < 4; i++) {
            assertEquals(y.getEntry(i, 0), Math.rint(p.getEntry(i, 0)), "row " + i + ": " + p.getEntry(i, 0));
        }
        assertTrue(GradientCheck.of(network).run(x, y).passes(1e-6));
    }
}
