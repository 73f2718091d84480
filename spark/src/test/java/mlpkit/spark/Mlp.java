package mlpkit.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mlpkit.app.MainKt;

/**
 * The {@code mlp} command line in this JVM ({@link MainKt#runCli}: no {@code System.exit}), on the tests' one
 * {@link TestSpark} session: {@code --spark local[2]} finds it running and leaves it running.
 */
final class Mlp {
    private Mlp() {
    }

    /** What one {@code mlp} call printed and returned. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(line -> !line.isEmpty()).toList();
        }

        /** Everything it printed, for assertion messages. */
        String printed() {
            return out + err;
        }
    }

    /** {@code mlp args…} with stdout and stderr captured; starts the test session first. */
    static Result run(String... args) {
        TestSpark.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = MainKt.runCli(args, outStream, errStream, false);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The one file named {@code name} under {@code root} (a run directory's model.json, metrics.json, a sweep's summary.csv). */
    static Path find(Path root, String name) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().equals(name)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + name + " under " + root + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code metrics} object of the metrics.json under {@code root}, by name. */
    static Map<String, Double> metrics(Path root) {
        return figures(json(find(root, "metrics.json")).get("metrics"));
    }

    /** {@code node}'s numeric fields by name. */
    static Map<String, Double> figures(JsonNode node) {
        Map<String, Double> figures = new TreeMap<>();
        node.properties().forEach(field -> figures.put(field.getKey(), field.getValue().asDouble()));
        return figures;
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} and returns the file. */
    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
