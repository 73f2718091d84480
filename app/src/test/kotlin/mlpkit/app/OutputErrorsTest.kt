package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.listDirectoryEntries
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Output that cannot be written is bad input (exit 2) with one line naming the path, the reason and the
 * fix. Tests run as root here and in CI, where permissions do not stop writes: the unwritable place is
 * below a regular file, which stops root as well.
 */
class OutputErrorsTest {
    @TempDir
    lateinit var dir: Path

    private fun experiment(): Path = dir.resolve("tiny.json").also {
        Files.writeString(
            it,
            """
            {
              "name": "tiny",
              "data": { "source": { "type": "generator", "generator": "make_moons", "params": { "n_samples": 40, "random_state": 0 } } },
              "network": "network < dense(4, relu); dense(2, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": 2, "batchSize": "full", "seed": 0 }
            }
            """.trimIndent(),
        )
    }

    @Test
    fun `mlp run with --out below a regular file exits 2 naming the file in the way and --out`() {
        val file = Files.writeString(dir.resolve("runs"), "a file, not a directory")
        val experiment = experiment()
        val out = file.resolve("today")
        val run = mlp("run", experiment.toString(), "--out", out.toString(), "--no-report")
        assertEquals(2, run.exitCode, run.err)
        assertEquals(
            listOf("mlp run: $out: cannot write ($file is a file, not a directory): move that file away or choose another --out"),
            run.errLines,
        )
        assertEquals("", run.out)
        assertEquals(setOf(experiment, file), dir.listDirectoryEntries().toSet())
    }

    @Test
    fun `mlp data gen with --out below a regular file exits 2 naming the target`() {
        val file = Files.writeString(dir.resolve("data"), "a file")
        val target = file.resolve("moons.csv")
        val run = mlp("data", "gen", "make_moons", "--n-samples", "10", "--random-state", "0", "--out", target.toString())
        assertEquals(2, run.exitCode, run.err)
        assertEquals(
            listOf("mlp data gen: $target: cannot write ($file is a file, not a directory): move that file away or choose another --out"),
            run.errLines,
        )
    }
}
