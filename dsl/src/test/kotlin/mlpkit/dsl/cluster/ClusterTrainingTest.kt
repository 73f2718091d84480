package mlpkit.dsl.cluster

import mlpkit.dsl.Experiment
import mlpkit.dsl.ExperimentBuilder
import mlpkit.dsl.experiment
import mlpkit.dsl.run.RunMetrics
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import kotlin.math.abs
import kotlin.math.max

/** A run with a cluster block trains through the engine and gives the local run's results (the engine here is [InProcessEngine]). */
class ClusterTrainingTest {
    private fun lbfgs(cluster: (ExperimentBuilder.() -> Unit)? = null): Experiment = experiment("moons-lbfgs") {
        data { moons(samples = 120, noise = 0.2, randomState = 0); split(validation = 0.25) }
        network { dense(10, tanh); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 25; seed = 3 }
        cluster?.invoke(this)
    }

    private fun gradientDescent(cluster: (ExperimentBuilder.() -> Unit)? = null): Experiment = experiment("moons-gd") {
        data { moons(samples = 100, noise = 0.1, randomState = 0) }
        network { dense(10, relu, weights = heNormal); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5, momentum = 0.9); epochs = 20; batchSize = full; seed = 0 }
        cluster?.invoke(this)
    }

    /** Shuffled mini-batches, dropout, Adam's state, a validation part: one partition's round must be exactly a local epoch. */
    private fun stochastic(cluster: (ExperimentBuilder.() -> Unit)? = null): Experiment = experiment("stochastic") {
        data { moons(samples = 200, noise = 0.25, randomState = 4); split(validation = 0.2, stratify = true); scaling = standard }
        network { dense(16, relu, weights = heUniform); dropout(0.2); dense(8, tanh); dense(1, sigmoid) }
        training { loss = bce; optimizer = adam(lr = 0.01); epochs = 6; batchSize = 16; seed = 11 }
        cluster?.invoke(this)
    }

    private fun maxRelativeDifference(a: DoubleArray, b: DoubleArray): Double {
        assertEquals(a.size, b.size)
        var worst = 0.0
        for (i in a.indices) worst = max(worst, abs(a[i] - b[i]) / max(1.0, abs(b[i])))
        return worst
    }

    private fun losses(result: TrainingResult) = result.history.map { it.metrics.getValue("train_loss") }.toDoubleArray()

    @Test
    fun `a cluster run with lbfgs equals the local run to 1e-9 in its loss curve and parameters`() {
        val local = TrainingRun(lbfgs()).fit()
        val engine = InProcessEngine()
        val distributed = TrainingRun(lbfgs { cluster { master = "local[2]"; partitions = 3 } }).on(engine).fit()
        assertEquals(25, local.epochs)
        assertEquals(local.epochs, distributed.epochs)
        assertTrue(maxRelativeDifference(losses(distributed), losses(local)) < 1e-9, "loss curves ${losses(distributed).toList()} vs ${losses(local).toList()}")
        assertTrue(maxRelativeDifference(distributed.parameters(), local.parameters()) < 1e-9)
        assertEquals(local.metric("validation_accuracy"), distributed.metric("validation_accuracy"))
        val reason = assertInstanceOf(StopReason.SolverStopped::class.java, distributed.reason)
        assertEquals((local.reason as StopReason.SolverStopped).evaluations, reason.evaluations)
        assertEquals(reason.evaluations, engine.rounds, "one synchronous round per evaluation of the objective")
        assertEquals(1, engine.distributed)
        assertEquals(1, engine.released, "the run releases the rows it sent")
        assertFalse(engine.closed, "an engine handed in stays open for its owner")
        assertEquals("in-process test engine, strategy sync, 3 partitions", distributed.trainedOn)
        assertEquals(distributed.trainedOn, RunMetrics.of(distributed).trainedOn)
        assertEquals(null, RunMetrics.of(local).trainedOn)
    }

    @Test
    fun `a synchronous full-batch gradient-descent run equals the local run to 1e-9`() {
        val local = TrainingRun(gradientDescent()).fit()
        val engine = InProcessEngine()
        val distributed = TrainingRun(gradientDescent { cluster { master = "local[2]" } }).on(engine).fit()
        assertEquals(20, distributed.epochs)
        assertEquals(20, engine.rounds)
        assertTrue(maxRelativeDifference(losses(distributed), losses(local)) < 1e-9, "loss curves ${losses(distributed).toList()} vs ${losses(local).toList()}")
        assertTrue(maxRelativeDifference(distributed.parameters(), local.parameters()) < 1e-9)
        assertEquals(local.metric("train_accuracy"), distributed.metric("train_accuracy"))
        assertTrue(distributed.trainedOn!!.endsWith("strategy sync, 2 partitions"), distributed.trainedOn)
    }

    @Test
    fun `an averaging run with one partition equals the local run parameter for parameter`() {
        val local = TrainingRun(stochastic()).fit()
        val engine = InProcessEngine()
        val distributed = TrainingRun(stochastic { cluster { master = "local[1]"; partitions = 1 } }).on(engine).fit()
        assertEquals(6, engine.rounds, "one averaging round per epoch")
        assertArrayEquals(local.parameters(), distributed.parameters())
        assertEquals(local.metric("validation_loss"), distributed.metric("validation_loss"))
        // The round's mean loss is the local epoch's loss over its batches, summed in the same order.
        assertArrayEquals(losses(local), losses(distributed), 1e-12)
        val localState = local.model.file.optimizer!!
        val distributedState = distributed.model.file.optimizer!!
        assertEquals(localState.step, distributedState.step, "Adam's step count comes back to the driver")
        assertEquals(localState.arrays.keys, distributedState.arrays.keys)
        for ((name, values) in localState.arrays) assertArrayEquals(values, distributedState.arrays.getValue(name), "Adam's $name")
        assertTrue(distributed.trainedOn!!.endsWith("strategy averaging, 1 partition"), distributed.trainedOn)
    }

    @Test
    fun `averaging over two partitions trains, and resetting the optimiser's state gives another run`() {
        val averaged = TrainingRun(stochastic { cluster { master = "local[2]"; partitions = 2 } }).on(InProcessEngine()).fit()
        val reset = TrainingRun(stochastic { cluster { master = "local[2]"; partitions = 2; optimizerState = reset } }).on(InProcessEngine()).fit()
        val losses = losses(averaged)
        assertTrue(losses.last() < losses.first(), "the loss falls over the rounds: ${losses.toList()}")
        assertFalse(averaged.parameters().contentEquals(reset.parameters()))
        assertEquals(0L, reset.model.file.optimizer!!.step, "a reset state is fresh after every round")
        assertTrue(averaged.model.file.optimizer!!.step > 0)
    }

    @Test
    fun `a run with a cluster block connects to its engine by name and closes it at the end, also when training fails`() {
        val before = InProcessEngine.CONNECTED.size
        val result = TrainingRun(gradientDescent { cluster { engine = InProcessEngine.NAME; master = "here" } }).fit()
        assertEquals(20, result.epochs)
        val connected = InProcessEngine.CONNECTED[before]
        assertTrue(connected.closed && connected.released == 1, "the run closes the engine it connected")

        val failing = experiment("fails") {
            data { moons(samples = 100, noise = 0.1, randomState = 0) }
            network { dense(4, relu); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.1); epochs = 3; batchSize = full; seed = 0 }
            cluster { engine = InProcessEngine.NAME; master = "here" }
            onEpochEnd { throw IllegalStateException("a hook fails in epoch ${it.epoch}") }
        }
        assertEquals("a hook fails in epoch 1", assertThrows<IllegalStateException> { TrainingRun(failing).fit() }.message)
        val failed = InProcessEngine.CONNECTED.drop(before + 1)
        assertEquals(1, failed.size)
        assertTrue(failed.single().closed && failed.single().released == 1, "an engine of a failed run is closed too")
    }

    @Test
    fun `an engine that is not on the class path is named with what to do`() {
        val error = assertThrows<IllegalStateException> {
            TrainingRun(gradientDescent { cluster { engine = "flink"; master = "local[2]" } }).fit()
        }
        assertEquals(
            "no 'flink' engine on the class path (found: in-process): put the mlpkit-flink module and its dependencies on the class path " +
                "(./mlp does so for --spark after building it)",
            error.message,
        )
    }
}
