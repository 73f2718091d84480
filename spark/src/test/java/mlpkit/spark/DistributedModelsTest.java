package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.dsl.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Spark's own perceptron cannot train, trained with {@code mlp run} on the tests' session by parameter averaging
 * (Adam, 2 partitions): a regression (mse) and a network of relu, dropout and tanh layers. The loss falls, the model
 * file is written, and {@code mlp predict} on it prints the model's own local predictions.
 */
class DistributedModelsTest {
    private static final String AVERAGING = "\"cluster\": { \"master\": \"local[2]\", \"strategy\": \"averaging\", \"partitions\": 2 }";

    @TempDir
    Path dir;

    @Test
    void aRegressionTrainsByParameterAveragingAndMlpPredictGivesTheModelsValues() {
        Path config = Mlp.write(dir.resolve("regression.json"), """
                {
                  "name": "regression",
                  "data": {
                    "source": { "type": "generator", "generator": "make_regression",
                                "params": { "n_samples": 800, "n_features": 5, "noise": 10.0, "random_state": 0 } },
                    "split": { "test": 0.2, "randomState": 0 },
                    "scaling": "standard",
                    "targetScaling": "standard"
                  },
                  "network": "network < dense(16, relu); dense(1, identity) >",
                  "training": { "loss": "mse", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": 15, "batchSize": 32, "seed": 0 },
                """ + AVERAGING + "\n}\n");
        Path runs = trained(config);
        assertTrue(Mlp.metrics(runs).get("test_r2") >= 0.9, "test R² of a linear target with noise 10: " + Mlp.metrics(runs));

        double[][] rows = gaussianRows(4, 5, new Random(7));
        Path model = Mlp.find(runs, "model.json");
        Mlp.Result predict = Mlp.run("predict", model.toString(), csv(rows).toString());
        assertEquals(0, predict.exitCode(), predict.printed());
        assertPrinted(Model.load(model).predict(rows), predict.out());
    }

    @Test
    void aReluDropoutTanhNetworkTrainsByParameterAveragingAndMlpPredictGivesTheModelsProbabilities() {
        Path config = Mlp.write(dir.resolve("moons.json"), """
                {
                  "name": "moons-dropout",
                  "data": {
                    "source": { "type": "generator", "generator": "make_moons", "params": { "n_samples": 600, "noise": 0.2, "random_state": 0 } },
                    "split": { "test": 0.2, "randomState": 0 }
                  },
                  "network": "network < dense(32, relu, weights=heNormal); dropout(0.2); dense(16, tanh); dense(2, softmax) >",
                  "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": 20, "batchSize": 32, "seed": 0 },
                """ + AVERAGING + "\n}\n");
        Path runs = trained(config);
        assertTrue(Mlp.metrics(runs).get("test_accuracy") >= 0.9, "two moons with noise 0.2: " + Mlp.metrics(runs));

        double[][] rows = gaussianRows(5, 2, new Random(11));
        Path model = Mlp.find(runs, "model.json");
        Mlp.Result predict = Mlp.run("predict", model.toString(), csv(rows).toString(), "--proba");
        assertEquals(0, predict.exitCode(), predict.printed());
        assertEquals("p_0,p_1", predict.out().lines().findFirst().orElseThrow(), predict.out());
        assertPrinted(Model.load(model).predictProba(DenseMatrix.of(rows)), predict.out());
    }

    /** Runs {@code config} (its cluster block: averaging on local[2]) and checks that it trained there and its loss fell. */
    private Path trained(Path config) {
        Path runs = dir.resolve("runs-" + config.getFileName());
        Mlp.Result run = Mlp.run("run", config.toString(), "--quiet", "--no-report", "--out", runs.toString());
        assertEquals(0, run.exitCode(), run.printed());
        assertEquals("Spark " + TestSpark.session().version() + ", master local[2], strategy averaging, 2 partitions",
                Mlp.json(Mlp.find(runs, "metrics.json")).get("trainedOn").asText());
        List<Double> losses = trainLosses(Mlp.find(runs, "history.csv"));
        assertTrue(losses.get(losses.size() - 1) < 0.5 * losses.get(0), "train_loss by epoch should fall by more than half: " + losses);
        return runs;
    }

    private static List<Double> trainLosses(Path history) {
        try {
            List<String> lines = Files.readAllLines(history);
            int column = List.of(lines.get(0).split(",")).indexOf("train_loss");
            return lines.subList(1, lines.size()).stream().map(line -> Double.parseDouble(line.split(",")[column])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[][] gaussianRows(int rows, int columns, Random random) {
        double[][] x = new double[rows][columns];
        for (double[] row : x) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextGaussian();
            }
        }
        return x;
    }

    private Path csv(double[][] rows) {
        StringBuilder text = new StringBuilder();
        for (double[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                text.append(c == 0 ? "" : ",").append(row[c]);
            }
            text.append('\n');
        }
        return Mlp.write(dir.resolve("rows.csv"), text.toString());
    }

    /** {@code printed}'s last lines, one per row, hold {@code expected}'s values exactly (17 digits round-trip). */
    private static void assertPrinted(DenseMatrix expected, String printed) {
        List<String> lines = printed.lines().toList();
        List<String> values = lines.subList(lines.size() - expected.getRowDimension(), lines.size());
        for (int r = 0; r < expected.getRowDimension(); r++) {
            String[] cells = values.get(r).split(",");
            assertEquals(expected.getColumnDimension(), cells.length, printed);
            for (int c = 0; c < cells.length; c++) {
                assertEquals(expected.getEntry(r, c), Double.parseDouble(cells[c]), 0.0, "row " + r + ", column " + c + " of\n" + printed);
            }
        }
    }
}
