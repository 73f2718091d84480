package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlp run} with the spark engine on the class path, from the user's side: an unreachable master and a bad
 * cluster block end with exit status 2 and one line, and under spark-submit the submitted master is the one trained on.
 */
class MlpRunOnSparkErrorsTest {
    /** {@code mlp}'s status for invalid input. */
    private static final int INVALID_INPUT = 2;

    @TempDir
    Path dir;

    private Path moons(String cluster) {
        return Mlp.write(dir.resolve("moons.json"), """
                {
                  "name": "moons",
                  "data": {"source": {"type": "generator", "generator": "make_moons", "params": {"n_samples": 200, "noise": 0.1, "random_state": 0}}},
                  "network": "network < dense(8, tanh); dense(2, softmax) >",
                  "training": {"loss": "softmax-ce", "optimizer": "lbfgs", "epochs": 5, "seed": 0}""" + cluster + "\n}\n");
    }

    @Test
    void anUnreachableMasterEndsWithinAMinuteWithExit2AndOneLineNamingTheMaster() {
        Path runs = dir.resolve("runs");
        long start = System.nanoTime();
        Mlp.Result run = Mlp.run("run", moons("").toString(), "--spark", "spark://127.0.0.1:1", "--out", runs.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 60, "took " + seconds + " s");
        assertEquals(INVALID_INPUT, run.exitCode(), run.printed());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("mlp run: cannot train on spark master spark://127.0.0.1:1: cannot reach the Spark master spark://127.0.0.1:1 ("), line);
        assertTrue(line.endsWith(", waited at most 5 s): start the master there, or check the URL"), line);
        assertFalse(run.printed().contains("\tat "), "no stack trace: " + run.printed());
        assertFalse(Files.exists(runs), "nothing is written for a run that cannot start");
    }

    @Test
    void aMalformedMasterEndsWithExit2AndOneLineBeforeSparkStarts() {
        Mlp.Result run = Mlp.run("run", moons("").toString(), "--spark", "local[x]", "--out", dir.resolve("runs").toString());
        assertEquals(INVALID_INPUT, run.exitCode(), run.printed());
        assertEquals(List.of("mlp run: cannot train on spark master local[x]: the Spark master 'local[x]' expected local, local[N], local[*], "
                + "local[N,F], spark://host:port, yarn or k8s://…, got 'local[x]': write it in one of these forms, e.g. local[2]"), run.errLines());
    }

    @Test
    void aBadClusterBlockEndsWithExit2AndItsJsonPath() {
        Path config = moons(",\n  \"cluster\": {\"master\": \"local[2]\", \"partitions\": 0}");
        Mlp.Result run = Mlp.run("run", config.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(INVALID_INPUT, run.exitCode(), run.printed());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).startsWith(config + ": $.cluster.partitions: "), run.err());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing is written for a run that cannot start");
    }

    @Test
    void underSparkSubmitTheSubmittedMasterReplacesTheExperimentsMaster() {
        Path config = moons(",\n  \"cluster\": {\"master\": \"spark://127.0.0.1:1\", \"partitions\": 2}");
        Path runs = dir.resolve("runs");
        // What spark-submit --master local[2] sets before it calls mlp's main.
        String before = System.setProperty(SubmittedMaster.PROPERTY, TestSpark.MASTER);
        Mlp.Result run;
        try {
            run = Mlp.run("run", config.toString(), "--quiet", "--no-report", "--out", runs.toString());
        } finally {
            if (before == null) {
                System.clearProperty(SubmittedMaster.PROPERTY);
            } else {
                System.setProperty(SubmittedMaster.PROPERTY, before);
            }
        }
        assertEquals(0, run.exitCode(), run.printed());
        assertEquals("Spark " + TestSpark.session().version() + ", master local[2], strategy sync, 2 partitions",
                Mlp.json(Mlp.find(runs, "metrics.json")).get("trainedOn").asText());
    }

    @Test
    void theMasterSubmitWithoutSparkSubmitEndsWithExit2AndOneLine() {
        Mlp.Result run = Mlp.run("run", moons("").toString(), "--spark", SubmittedMaster.SUBMIT, "--out", dir.resolve("runs").toString());
        assertEquals(INVALID_INPUT, run.exitCode(), run.printed());
        assertEquals(List.of("mlp run: cannot train on spark master submit: the master 'submit' expected the master "
                + "spark-submit sets (system property spark.master), got none: run under spark-submit --master URL, or name a master such as local[2]"),
                run.errLines(), run.err());
    }
}
