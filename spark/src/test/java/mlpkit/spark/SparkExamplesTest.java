package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every experiment in examples/spark/ (which the app module's example tests leave out: they need this engine) names
 * master local[2] in its cluster block and runs with {@code mlp run} for two epochs on the tests' session. Their full
 * runs and the figures their {@code expect} bars were set from are in docs/spark.md ("Examples").
 */
class SparkExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "spark").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everySparkExampleRunsForTwoEpochsOnLocal2() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(EXAMPLES)) {
            files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "examples in " + EXAMPLES);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode spec = Mlp.json(file);
            assertEquals(TestSpark.MASTER, spec.path("cluster").path("master").asText(), file + ": cluster.master");
            Path runs = dir.resolve(file.getFileName().toString());
            Mlp.Result run = Mlp.run("run", file.toString(), "--epochs", "2", "--quiet", "--no-report", "--out", runs.toString());
            assertEquals(0, run.exitCode(), run.printed());
            if (spec.has("sweep")) {
                List<String> rows = Files.readAllLines(Mlp.find(runs, "summary.csv"));
                assertEquals(spec.get("sweep").get("variations").size() + 1, rows.size(), String.join("\n", rows));
                rows.subList(1, rows.size()).forEach(row -> assertTrue(row.contains(",ok,completed,"), row));
            } else {
                assertTrue(spec.path("expect").size() > 0, file + " has expect bars");
                assertTrue(Mlp.json(Mlp.find(runs, "metrics.json")).get("trainedOn").asText().contains(", master local[2], "), run.out());
            }
        })).toList();
    }
}
