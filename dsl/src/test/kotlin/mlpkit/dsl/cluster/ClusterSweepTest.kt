package mlpkit.dsl.cluster

import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.sweep.SweepRow
import mlpkit.dsl.sweep.SweepRunner
import mlpkit.dsl.sweep.SweepStatus
import mlpkit.dsl.sweep.VariationTask
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** A sweep with a cluster block runs each variation as one [VariationTask] on the engine (here [InProcessEngine]). */
class ClusterSweepTest {
    private fun hiddenSizeSweep(onCluster: Boolean, cv: Int? = null): ExperimentSpec = experiment("hidden") {
        data { classification(samples = 300, features = 6, informative = 4, redundant = 1, randomState = 5); split(test = 0.25) }
        network { dense(2, sigmoid); dense(1, sigmoid) }
        training { loss = bce; optimizer = adam(lr = 0.02); epochs = 15; batchSize = 32; seed = 7 }
        sweep(2) {
            for (h in listOf(1, 4, 16)) variant("h$h") { network { dense(h, sigmoid); dense(1, sigmoid) } }
            variant("huge-lr") { training { optimizer = sgd(lr = 1e6) } }
        }
        if (onCluster) cluster { master = "local[2]" }
    }.spec.let { spec -> if (cv == null) spec else spec.copy(sweep = spec.sweep!!.copy(cv = cv)) }

    /** What a row says, apart from the stop-reason object and run directory a remote row does not carry. */
    private fun SweepRow.figures() = listOf(name, notation, status, message, stopped, metrics)

    @Test
    fun `a sweep with a cluster block runs each variation as one remote task and gives the local sweep's rows`() {
        val local = runBlocking { SweepRunner().run(hiddenSizeSweep(onCluster = false)) }
        val engine = InProcessEngine()
        val seen = mutableListOf<String>()
        val remote = runBlocking { SweepRunner(engine = engine).run(hiddenSizeSweep(onCluster = true)) { seen += it.name } }
        assertEquals(listOf("h1", "h4", "h16", "huge-lr"), remote.map { it.name })
        assertEquals(local.map { it.figures() }, remote.map { it.figures() })
        assertEquals(listOf(SweepStatus.OK, SweepStatus.OK, SweepStatus.OK, SweepStatus.DIVERGED), remote.map { it.status })
        assertEquals(4, engine.tasks.size, "one task per variation")
        assertTrue(engine.tasks.none { "cluster" in it }, "the variations train locally inside their tasks")
        assertEquals(remote.map { it.name }, seen)
        assertEquals(0, engine.distributed, "a sweep sends no rows: each task resolves its own data")
    }

    @Test
    fun `a variation task's output reads back as the row it ran`() {
        val variant = SweepRunner().variants(hiddenSizeSweep(onCluster = true))[1]
        val output = VariationTask().run(VariationTask.input(variant.first, variant.second, Path.of("")))
        val row = VariationTask.row(output)
        assertEquals("h4", row.name)
        assertEquals(SweepStatus.OK, row.status)
        val local = runBlocking { SweepRunner().run(hiddenSizeSweep(onCluster = false)) }[1]
        assertEquals(local.metrics, row.metrics)
    }

    @Test
    fun `a cross-validated sweep with a cluster block is refused with what to do`() {
        val error = assertThrows<IllegalArgumentException> { runBlocking { SweepRunner(engine = InProcessEngine()).run(hiddenSizeSweep(onCluster = true, cv = 3)) } }
        assertEquals(
            "experiment 'hidden': a sweep with \"cv\" runs here, not on a cluster: remove the cluster block, or \"cv\" from the sweep",
            error.message,
        )
    }
}
