package mlpkit.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kotlinx.serialization.json.Json;
import kotlinx.serialization.json.JsonElement;
import kotlinx.serialization.json.JsonElementKt;
import kotlinx.serialization.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippet: scikit-learn's defaults (adam, relu, 100 units, alpha 1e-4, batch 'auto', shuffle on) with
 * random_state 0 give scikit-learn 1.2.1's loss curve and predictions (steps.json "defaults", 30 epochs) to 1e-9.
 */
class SklearnDefaultsJavaTest {
    @Test
    void theDefaultClassifierWithRandomStateZeroFollowsScikitLearnStepForStepWithShuffling() throws Exception {
        JsonObject steps = object(Json.Default.parseToJsonElement(
                Files.readString(Path.of(getClass().getResource("/mlpkit/estimator/steps.json").toURI()))));
        JsonObject binary = object(object(steps.get("data")).get("binary"));
        double[][] x = ((List<JsonElement>) binary.get("x")).stream().map(SklearnDefaultsJavaTest::doubles).toArray(double[][]::new);
        int[] y = ((List<JsonElement>) binary.get("y")).stream().mapToInt(e -> (int) number(e)).toArray();
        JsonObject expected = object(object(steps.get("defaults")).get("binary"));

        // --- README snippet ---
        MlpClassifier clf = new MlpClassifier().set("random_state", 0).set("max_iter", 30);
        clf.fit(x, y);
        List<Double> lossCurve = clf.getLossCurve();   // scikit-learn's loss_curve_, L2 penalty included
        int[] labels = clf.predict(x);
        // ---

        double[] sklearnCurve = doubles(expected.get("loss_curve"));
        assertEquals(sklearnCurve.length, lossCurve.size());
        for (int i = 0; i < sklearnCurve.length; i++) {
            assertEquals(sklearnCurve[i], lossCurve.get(i), 1e-9 * Math.abs(sklearnCurve[i]), "loss_curve_[" + i + "]");
        }
        assertArrayEquals(((List<JsonElement>) expected.get("predict")).stream().mapToInt(e -> (int) number(e)).toArray(), labels);
        assertEquals(number(expected.get("score")), clf.score(x, y), 1e-12);
    }

    private static JsonObject object(JsonElement e) {
        return JsonElementKt.getJsonObject(e);
    }

    private static double number(JsonElement e) {
        return JsonElementKt.getDouble(JsonElementKt.getJsonPrimitive(e));
    }

    private static double[] doubles(JsonElement e) {
        return ((List<JsonElement>) e).stream().mapToDouble(SklearnDefaultsJavaTest::number).toArray();
    }
}
