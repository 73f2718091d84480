package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.Optimizers;
import org.junit.jupiter.api.Test;
import mlpkit.core.loss.BinaryCrossEntropy;

/**
 * E0 (article 000): make_classification(n_samples=10, n_features=4, random_state=42), 4 → 6 sigmoid →
 * 4 tanh → 3 relu → 1 sigmoid with the bias folded into W, binary cross-entropy summed over the batch,
 * lr 0.01, 100 full-batch steps. The initial weights are the article's own: np.random.seed(42), then
 * np.random.randn(units, inputs + 1) per layer. The reference run (numpy, correct chain rule) is in
 * e0_reference.json next to this test.
 */
class E0ArticleReproductionTest {
    private static final String NOTATION = "network < dense(6, sigmoid, weights=normal(1.0), bias=weights); "
            + "dense(4, tanh, weights=normal(1.0), bias=weights); dense(3, relu, weights=normal(1.0), bias=weights); "
            + "dense(1, sigmoid, weights=normal(1.0), bias=weights) >";

    @Test
    void hundredSummedStepsPutAllTenPredictionsOnTheRightSideOfOneHalfAsNumpyDoes() throws IOException {
        String json = resource("/mlpkit/core/e0/e0_reference.json");
        DenseMatrix x = DenseMatrix.of(matrix(json, "X"));
        double[] labels = vector(json, "y");
        DenseMatrix y = DenseMatrix.column(labels);

        Network network = Network.build(NetworkSpec.parse(NOTATION), 4, new BinaryCrossEntropy(), 1L);
        loadFoldedWeights(network, json);

        double[] expectedLosses = vector(json, "lossSumBeforeEachStep");
        Optimizer sgd = Optimizers.sgd();
        for (int step = 0; step < 100; step++) {
            double loss = network.computeGradient(x, y, Reduction.SUM);
            assertEquals(expectedLosses[step], loss, 1e-10 * expectedLosses[step], "loss before step " + step);
            sgd.step(network.parameters(), network.gradients(), 0.01);
        }
        DenseMatrix predictions = network.predict(x);
        double[] expected = vector(json, "predictionsAfter100Steps");

        StringBuilder table = new StringBuilder("example  predicted  true\n");
        for (int i = 0; i < 10; i++) {
            table.append(String.format(Locale.ROOT, "%7d  %9.6f  %4.1f%n", i, predictions.getEntry(i, 0), labels[i]));
        }
        System.out.print(table);
        for (int i = 0; i < 10; i++) {
            double p = predictions.getEntry(i, 0);
            assertEquals(expected[i], p, 1e-9, "prediction " + i);
            assertTrue(labels[i] == 1.0 ? p > 0.5 : p < 0.5, "example " + i + " is on the wrong side:\n" + table);
        }
    }

    /** The article's W_l is units × (inputs + 1) with the bias in column 0; ours is W (inputs × units) and b. */
    private static void loadFoldedWeights(Network network, String json) {
        List<double[][]> folded = foldedWeights(json);
        for (int l = 0; l < folded.size(); l++) {
            Dense dense = (Dense) network.layers().get(l);
            double[][] f = folded.get(l);
            for (int j = 0; j < dense.outputSize(); j++) {
                dense.bias().setEntry(0, j, f[j][0]);
                for (int i = 0; i < dense.inputSize(); i++) {
                    dense.weights().setEntry(i, j, f[j][i + 1]);
                }
            }
        }
    }

    // --- a minimal reader for the fixture's flat JSON (core has no JSON dependency) ---

    static String resource(String name) throws IOException {
        try (InputStream in = E0ArticleReproductionTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\"");
        int open = json.indexOf('[', start);
        int depth = 0;
        for (int i = open; i < json.length(); i++) {
            if (json.charAt(i) == '[') {
                depth++;
            } else if (json.charAt(i) == ']' && --depth == 0) {
                return json.substring(open, i + 1);
            }
        }
        throw new IllegalStateException("unterminated field " + name);
    }

    private static double[] numbers(String text) {
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(text);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            values.add(Double.parseDouble(m.group()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] vector(String json, String name) {
        return numbers(field(json, name));
    }

    static double[][] matrix(String json, String name) {
        String body = field(json, name);
        List<double[]> rows = new ArrayList<>();
        Matcher m = Pattern.compile("\\[([^\\[\\]]*)]").matcher(body);
        while (m.find()) {
            rows.add(numbers(m.group(1)));
        }
        return rows.toArray(new double[0][]);
    }

    private static List<double[][]> foldedWeights(String json) {
        String body = field(json, "initialFoldedWeights");
        List<double[][]> layers = new ArrayList<>();
        Matcher m = Pattern.compile("\\[(\\s*\\[[^\\[\\]]*](\\s*,\\s*\\[[^\\[\\]]*])*\\s*)]").matcher(body.substring(1));
        while (m.find()) {
            List<double[]> rows = new ArrayList<>();
            Matcher r = Pattern.compile("\\[([^\\[\\]]*)]").matcher(m.group(1));
            while (r.find()) {
                rows.add(numbers(r.group(1)));
            }
            layers.add(rows.toArray(new double[0][]));
        }
        return layers;
    }
}
