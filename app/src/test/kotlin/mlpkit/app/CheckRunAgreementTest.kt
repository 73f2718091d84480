package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * `mlp check` and `mlp run` go through one validation: for each config of the table both give the same
 * verdict (exit 0, or exit 2) and the same first error line, and a refused run creates no run directory.
 * Rows 2–5 and 7 are the five configs on which they used to disagree (check accepted, run refused after creating
 * an empty run or sweep directory); the others are sizes and parameters refused before anything is allocated.
 * The randomState rows split 90 samples as scikit-learn's train_test_split does (test ⌈0.25 · 90⌉ = 23, validation
 * ⌈0.2 · 90⌉ = 18, train 49), where largest remainders would give 50 / 18 / 22: the checks must predict 49.
 */
class CheckRunAgreementTest {
    @TempDir
    lateinit var dir: Path

    private val processors = Runtime.getRuntime().availableProcessors()

    private fun config(
        source: String = """{ "type": "generator", "generator": "make_blobs", "params": { "n_samples": 90, "centers": 3, "random_state": 4 } }""",
        network: String = "network < dense(8, tanh); dense(3, softmax) >",
        training: String = "",
        extra: String = "",
        split: String = """{ "validation": 0.2 }""",
        batchSize: Int = 16,
    ) = """
        {
          "name": "agree",
          "data": { "source": $source, "split": $split },
          "network": "$network",
          "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 2, "batchSize": $batchSize, "seed": 3 $training }
          $extra
        }
    """.trimIndent()

    /** name → (config, null for a valid config, else fragments of the first error line after `FILE: `). */
    private val table: List<Triple<String, String, List<String>?>> = listOf(
        Triple("valid", config(), null),
        Triple(
            "two-early-stopping", config(training = """, "callbacks": [ { "type": "earlyStopping", "monitor": "val_loss", "patience": 2 }, { "type": "earlyStopping", "monitor": "val_loss", "patience": 3 } ]"""),
            listOf("$.training.callbacks[1]: a second earlyStopping callback (expected at most one earlyStopping per run, got 2, at $.training.callbacks[0], $.training.callbacks[1]); keep the one to use"),
        ),
        Triple(
            "two-checkpoints", config(training = """, "callbacks": [ { "type": "checkpoint", "every": 1 }, { "type": "checkpoint", "every": 2 } ]"""),
            listOf("$.training.callbacks[1]: a second checkpoint callback (expected at most one checkpoint per run, got 2"),
        ),
        Triple(
            "auc-monitor-for-three-classes", config(training = """, "callbacks": [ { "type": "earlyStopping", "monitor": "val_auc", "patience": 2 } ]"""),
            listOf("$.training.callbacks[0].monitor: val_auc needs two classes (expected a metric measured for 3 classes, e.g. accuracy or loss, got \"val_auc\")"),
        ),
        Triple(
            "auc-schedule-for-three-classes", config(training = """, "schedule": { "type": "reduceOnPlateau", "monitor": "val_auc" }"""),
            listOf("$.training.schedule.monitor: val_auc needs two classes"),
        ),
        Triple(
            "sweep-variation-with-too-few-rows",
            config(extra = """, "sweep": { "variations": [ { "name": "tiny", "patch": { "data": { "source": { "params": { "n_samples": 10 } } } } } ] }"""),
            listOf("$.sweep.variations[0].patch: variation \"tiny\": $.training.batchSize: batch larger than the training data (expected at most 8 rows"),
        ),
        Triple(
            "sweep-variation-with-a-negative-standard-deviation",
            config(extra = """, "sweep": { "variations": [ { "name": "noisy", "patch": { "data": { "source": { "params": { "cluster_std": -1 } } } } } ] }"""),
            listOf("$.sweep.variations[0].patch.data.source.params.cluster_std: variation \"noisy\": $.data.source.params.cluster_std: invalid value for make_blobs (expected number, or comma-separated numbers, each ≥ 0, got -1)"),
        ),
        Triple(
            "threads-100000", config(training = """, "threads": 100000"""),
            listOf("$.training.threads: 100000 threads is more than ${8 * processors} (8 × the $processors processor", "use at most ${8 * processors}, or omit it for one thread"),
        ),
        Triple(
            "random-state-split-rounds-the-test-part-up",
            config(split = """{ "validation": 0.2, "test": 0.25, "randomState": 0 }""", batchSize = 50),
            listOf("$.training.batchSize: batch larger than the training data (expected at most 49 rows, the training part of 90 samples, got 50)"),
        ),
        Triple("random-state-split-with-a-batch-of-all-49-training-rows", config(split = """{ "validation": 0.2, "test": 0.25, "randomState": 0 }""", batchSize = 49), null),
        Triple("threads-0", config(training = """, "threads": 0"""), listOf("$.training.threads: threads out of range (expected a whole number ≥ 1, got 0); e.g. 1, or the machine's processors")),
        Triple("threads-minus-1", config(training = """, "threads": -1"""), listOf("$.training.threads: threads out of range (expected a whole number ≥ 1, got -1); e.g. 1, or the machine's processors")),
        Triple(
            "a-billion-units", config(network = "network < dense(1000000000, tanh); dense(3, softmax) >"),
            listOf(
                "$.network: network < dense(1000000000, tanh); dense(3, softmax) > on 2 features does not fit this machine: " +
                    "the network has 6000000003 parameters for 2 inputs, more than one Java array holds (2147483639): use fewer units or layers",
            ),
        ),
        Triple(
            "a-billion-samples",
            config(source = """{ "type": "generator", "generator": "make_moons", "params": { "n_samples": 1000000000 } }""", network = "network < dense(8, tanh); dense(2, softmax) >"),
            listOf("$.data.source.params.n_samples: 1000000000 samples × 2 features needs about 29.8 GiB, more than the ", "(Runtime.maxMemory, set by -Xmx): use fewer samples or features, or give Java more memory with MLP_JAVA_OPTS=-Xmx<size>"),
        ),
        Triple(
            "negative-noise",
            config(source = """{ "type": "generator", "generator": "make_moons", "params": { "n_samples": 100, "noise": -1 } }""", network = "network < dense(8, tanh); dense(2, softmax) >"),
            listOf("$.data.source.params.noise: invalid value for make_moons (expected number ≥ 0 or none, got -1)"),
        ),
        Triple(
            "too-many-useful-features",
            config(source = """{ "type": "generator", "generator": "make_classification", "params": { "n_features": 3, "n_informative": 3, "n_redundant": 2 } }""", network = "network < dense(8, tanh); dense(2, softmax) >"),
            listOf("$.data.source.params: make_classification: n_informative + n_redundant + n_repeated must be ≤ n_features"),
        ),
    )

    @Test
    fun `check and run give the same verdict and the same first error line, and a refused run leaves no directory`() {
        val disagreements = mutableListOf<String>()
        for ((name, text, fragments) in table) {
            val file = dir.resolve("$name.json").also { Files.writeString(it, text) }
            val out = dir.resolve("runs-$name")
            val check = mlp("check", file.toString())
            val run = mlp("run", file.toString(), "--epochs", "1", "--out", out.toString(), "--quiet", "--no-report")
            val expectedExit = if (fragments == null) 0 else 2
            if (check.exitCode != expectedExit || run.exitCode != expectedExit) {
                disagreements += "$name: check exit ${check.exitCode}, run exit ${run.exitCode}, expected $expectedExit: ${check.err}${run.err}"
                continue
            }
            if (fragments == null) continue
            val first = check.errLines.first()
            assertEquals(first, run.errLines.first(), "$name: the first lines differ")
            assertTrue(first.startsWith("$file: "), "$name: $first")
            for (fragment in fragments) assertTrue(fragment in first, "$name: '$first' should contain '$fragment'")
            assertFalse(Files.exists(out), "$name: a refused run must not create ${out.fileName}")
            assertFalse("Exception" in check.err + run.err, "$name: no stack trace: ${check.err}${run.err}")
        }
        assertEquals(emptyList<String>(), disagreements)
    }
}
