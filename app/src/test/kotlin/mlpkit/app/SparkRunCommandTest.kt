package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp run --spark MASTER` and the cluster block from the command line; no engine is on this module's test class path. */
class SparkRunCommandTest {
    @TempDir
    lateinit var dir: Path

    private val noEngine = "no 'spark' engine on the class path (found: none): put the mlpkit-spark module and its dependencies on the class path " +
        "(./mlp does so for --spark after building it)"

    private fun json(cluster: String = ""): Path = dir.resolve("moons.json").also {
        Files.writeString(
            it,
            """
            {
              "name": "moons",
              "data": {"source": {"type": "generator", "generator": "make_moons", "params": {"n_samples": 100, "noise": 0.1}}},
              "network": "network < dense(10, relu); dense(2, softmax) >",
              "training": {"loss": "softmax-ce", "optimizer": "adam", "epochs": 3, "batchSize": 16}$cluster
            }
            """.trimIndent(),
        )
    }

    @Test
    fun `mlp run --spark with an unreachable master and no engine on the class path exits 2 with one line naming the master`() {
        val out = dir.resolve("runs")
        val run = mlp("run", json().toString(), "--spark", "spark://127.0.0.1:1", "--out", out.toString(), "--quiet")
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode, run.out + run.err)
        assertEquals(listOf("mlp run: cannot train on spark master spark://127.0.0.1:1: $noEngine"), run.errLines)
        assertFalse(Files.exists(out), "nothing is written for a run that cannot start")
    }

    @Test
    fun `a JSON cluster block without --spark asks for its engine the same way`() {
        val run = mlp("run", json(""", "cluster": {"master": "local[2]", "partitions": 2}""").toString(), "--out", dir.resolve("runs").toString())
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode, run.out + run.err)
        assertEquals(listOf("mlp run: cannot train on spark master local[2]: $noEngine"), run.errLines)
    }

    @Test
    fun `--spark works with a script experiment too`() {
        val script = dir.resolve("moons.mlp.kts")
        Files.writeString(
            script,
            """
            experiment("moons") {
                data { moons(samples = 100, noise = 0.1) }
                network { dense(10, relu); dense(2, softmax) }
                training { loss = softmaxCrossEntropy; optimizer = adam; epochs = 3; batchSize = 16 }
            }
            """.trimIndent(),
        )
        val run = mlp("run", script.toString(), "--spark", "local[2]", "--out", dir.resolve("runs").toString())
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode, run.out + run.err)
        assertEquals(listOf("mlp run: cannot train on spark master local[2]: $noEngine"), run.errLines)
    }

    @Test
    fun `--spark keeps the block's other keys and a combination a cluster cannot train is refused at its path before any connection`() {
        val file = json(""", "cluster": {"master": "spark://elsewhere:7077", "strategy": "sync"}""")
        val run = mlp("run", file.toString(), "--spark", "local[2]", "--out", dir.resolve("runs").toString())
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode, run.out + run.err)
        assertEquals(
            listOf(
                "$file: $.cluster.strategy: synchronous rounds with mini-batches (expected lbfgs or training.batchSize \"full\" with strategy \"sync\", " +
                    "got batchSize 16); use strategy \"averaging\" for mini-batch training (one round per epoch), or set batchSize \"full\"",
            ),
            run.errLines,
        )
    }

    @Test
    fun `a spark data source without a cluster block or --spark exits 2 with one line saying to add either`() {
        val file = dir.resolve("rows.json")
        Files.writeString(
            file,
            """
            {
              "name": "rows",
              "data": {"source": {"type": "spark", "format": "parquet", "path": "rows.parquet", "label": "species"}},
              "network": "network < dense(10, relu); dense(3, softmax) >",
              "training": {"loss": "softmax-ce", "optimizer": "lbfgs", "epochs": 3}
            }
            """.trimIndent(),
        )
        val out = dir.resolve("runs")
        val run = mlp("run", file.toString(), "--out", out.toString())
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode, run.out + run.err)
        assertEquals(
            listOf(
                "$file: $.data.source: data read by an engine without one (expected a \"cluster\" block, e.g. \"cluster\": {\"master\": \"local[2]\"}, " +
                    "or mlp run --spark local[2], got no cluster block)",
            ),
            run.errLines,
        )
        assertFalse(Files.exists(out), "nothing is written for a run that cannot start")
        val withSpark = mlp("run", file.toString(), "--spark", "local[2]", "--out", out.toString())
        assertEquals(listOf("mlp run: cannot train on spark master local[2]: $noEngine"), withSpark.errLines, "--spark supplies the cluster block")
    }
}
