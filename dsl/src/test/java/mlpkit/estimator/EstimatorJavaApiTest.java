package mlpkit.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The Java surface of issue 16, as written there: construct, set, getParams, fit, predict, predictProba, score. */
class EstimatorJavaApiTest {
    /** Two separable blobs: class 0 around (−1, −1), class 1 around (1, 1). */
    private static final double[][] X = {
            {-1.2, -0.9}, {-0.8, -1.1}, {-1.0, -1.3}, {-1.1, -0.7}, {-0.9, -1.0},
            {1.1, 0.9}, {0.8, 1.2}, {1.0, 1.1}, {1.3, 0.8}, {0.9, 1.0}};
    private static final int[] Y = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    @Test
    void theClassifierIsUsedFromJavaAsTheIssueShowsIt() {
        MlpClassifier clf = new MlpClassifier();
        MlpClassifier same = clf.set("hidden_layer_sizes", new int[] {50}).set("solver", "sgd").set("random_state", 0)
                .set("learning_rate_init", 0.1).set("max_iter", 50);
        assertSame(clf, same);
        Map<String, Object> params = clf.getParams();
        assertArrayEquals(new int[] {50}, (int[]) params.get("hidden_layer_sizes"));
        assertEquals("sgd", params.get("solver"));
        clf.fit(X, Y);
        int[] labels = clf.predict(X);
        double[][] p = clf.predictProba(X);
        double accuracy = clf.score(X, Y);
        assertArrayEquals(Y, labels);
        assertEquals(1.0, accuracy);
        for (double[] row : p) {
            assertEquals(2, row.length);
            assertEquals(1.0, row[0] + row[1], 1e-15);
        }
        String[] names = {"no", "no", "no", "no", "no", "yes", "yes", "yes", "yes", "yes"};
        assertArrayEquals(names, new MlpClassifier().set("solver", "sgd").set("random_state", 0).set("learning_rate_init", 0.1)
                .set("max_iter", 50).fit(X, names).predictNames(X));
    }

    @Test
    void theRegressorFitsOneAndSeveralOutputsFromJava() {
        double[] y = new double[X.length];
        double[][] ys = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            y[i] = X[i][0] + X[i][1];
            ys[i] = new double[] {y[i], X[i][0] - X[i][1]};
        }
        MlpRegressor reg = new MlpRegressor().set("hidden_layer_sizes", new int[] {10}).set("solver", "sgd").set("random_state", 1)
                .set("learning_rate_init", 0.05).set("max_iter", 200).set("tol", 0.0);
        reg.fit(X, y);
        double[] yHat = reg.predict(X);
        double r2 = reg.score(X, y);
        assertEquals(X.length, yHat.length);
        assertTrue(r2 > 0.9, "R² of a near-linear target after 200 epochs: " + r2);
        RealMatrix x = new Array2DRowRealMatrix(X);
        reg.fit(x, new Array2DRowRealMatrix(ys));
        assertEquals(2, reg.getNOutputs());
        assertEquals(2, reg.predictOutputs(X)[0].length);
    }
}
