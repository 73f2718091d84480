package mlpkit.dsl.train

import mlpkit.core.optim.lbfgs.LbfgsOptimizer
import mlpkit.dsl.Experiment
import mlpkit.dsl.EpochHook
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.config.SpecValidation
import mlpkit.dsl.experiment
import mlpkit.dsl.run.RunMetrics
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class LbfgsTrainingTest {
    private fun moons(epochs: Int, block: mlpkit.dsl.TrainingBuilder.() -> Unit = {}): Experiment = experiment("moons-lbfgs") {
        data { moons(samples = 100, noise = 0.1, randomState = 0); split(validation = 0.2) }
        network { dense(10, tanh); dense(2, softmax) }
        training {
            loss = softmaxCrossEntropy; optimizer = lbfgs; this.epochs = epochs; seed = 0
            block()
        }
    }

    private fun json(optimizer: String, extra: String = "", network: String = "network < dense(10, tanh); dense(2, softmax) >") = """
        {"name": "moons-lbfgs",
         "data": {"source": {"type": "generator", "generator": "make_moons", "params": {"n_samples": 100, "noise": 0.1, "random_state": 0}},
                  "split": {"validation": 0.2}},
         "network": "$network",
         "training": {"loss": "softmax-ce", "optimizer": $optimizer, "epochs": 7, "seed": 0$extra}}
    """.trimIndent()

    @Test
    fun `lbfgs written in the DSL is the experiment its JSON says, by name or with its parameters`() {
        assertEquals(ExperimentFiles.parseJson(json("\"lbfgs\""), "a.json"), moons(7).spec)
        val tuned = moons(7) { optimizer = lbfgs(m = 5, maxFun = 300, tol = 1e-5, weightDecay = 1e-3) }.spec
        assertEquals(ExperimentFiles.parseJson(json("""{"type": "lbfgs", "m": 5, "maxFun": 300, "tol": 1e-5, "weightDecay": 0.001}"""), "b.json"), tuned)
        assertEquals(LbfgsOptimizer(5, 300, 1e-5, 1e7 * Math.ulp(1.0), 20, 1e-3), tuned.training.optimizer)
    }

    @Test
    fun `each epoch is one L-BFGS iteration and a run of epochs iterations stops at scipy's iteration limit`() {
        val result = TrainingRun(moons(7)).fit()
        val reason = assertInstanceOf(StopReason.SolverStopped::class.java, result.reason)
        assertEquals("STOP: TOTAL NO. of ITERATIONS REACHED LIMIT", reason.scipyText)
        assertEquals(7, reason.iterations)
        assertEquals(7, result.epochs)
        assertEquals((1..7).toList(), result.history.map { it.epoch })
        val losses = result.history.map { it.metrics.getValue("train_loss") }
        for (k in 1 until losses.size) assertTrue(losses[k] < losses[k - 1], "every iteration lowers the training loss: $losses")
        assertTrue(result.history.all { "validation_accuracy" in it.metrics && it.learningRate > 0 }, "validation metrics and the accepted step in every row")
        // Without weight decay the minimised objective is the mean training loss over all rows, in inference mode.
        assertEquals(losses.last(), reason.loss, 1e-12)
        assertEquals(losses.last(), result.metric("train_loss"), 1e-12)
        val metrics = RunMetrics.of(result)
        assertEquals("solver-stopped", metrics.stopReason)
        assertEquals("STOP: TOTAL NO. of ITERATIONS REACHED LIMIT", metrics.stopMessage)
    }

    @Test
    fun `a run whose loss stops changing ends converged with scipy's message before its epochs`() {
        val result = TrainingRun(moons(500) { optimizer = lbfgs(ftol = 1e-3) }).fit()
        val reason = assertInstanceOf(StopReason.SolverStopped::class.java, result.reason)
        assertEquals("CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH", reason.scipyText)
        assertTrue(reason.converged && result.epochs < 500 && result.epochs == reason.iterations, reason.summary)
        assertEquals("converged", RunMetrics.of(result).stopReason)
    }

    @Test
    fun `weight decay adds half lambda times the squared weights to the minimised objective, not to train_loss`() {
        val lambda = 0.01
        val experiment = moons(5) { optimizer = lbfgs(weightDecay = lambda) }
        val result = TrainingRun(experiment).fit()
        val reason = assertInstanceOf(StopReason.SolverStopped::class.java, result.reason)
        val mask = mlpkit.core.network.Network.build(experiment.spec.network, 2, experiment.spec.training.loss, 0L).layout().weightMask()
        assertEquals(20 + 20, mask.count { it }, "the weights of 2 → 10 → 2, not the 12 biases")
        val p = result.parameters()
        val squares = p.indices.filter { mask[it] }.sumOf { p[it] * p[it] }
        assertEquals(result.metric("train_loss") + lambda / 2 * squares, reason.loss, 1e-12)
    }

    @Test
    fun `hooks see every iteration, and a stop signal ends the run between iterations`() {
        val signal = StopSignal()
        val seen = mutableListOf<Int>()
        val base = moons(50)
        val run = TrainingRun(Experiment(base.spec, listOf(EpochHook { seen += it.epoch; if (it.epoch == 3) signal.requestStop() })), stopSignal = signal)
        val result = run.fit()
        assertEquals(StopReason.Cancelled, result.reason)
        assertEquals(listOf(1, 2, 3), seen)
        assertEquals(3, result.epochs)
    }

    @Test
    fun `early stopping monitors the iterations as it monitors epochs`() {
        val result = TrainingRun(moons(50) { earlyStopping(monitor = "train_loss", patience = 1, minDelta = 10.0) }).fit()
        assertEquals(StopReason.EarlyStopped(2, 1), result.reason)
        assertEquals(1, result.restoredEpoch)
    }

    @Test
    fun `dropout, a schedule and a checkpoint are refused with lbfgs, each at its place with what to do`() {
        val e = assertThrows<ConfigException> {
            ExperimentFiles.parseJson(
                json("\"lbfgs\"", """, "schedule": "cosine", "callbacks": [{"type": "checkpoint", "every": 2}]""",
                    network = "network < dense(10, tanh); dropout(0.2); dense(2, softmax) >"),
                "lbfgs.json",
            )
        }
        val problems = e.problems.map { it.message!! }
        assertTrue(problems.any { "$.network[1]" in it && "dropout(0.2) with lbfgs" in it && "remove the layer" in it }, problems.toString())
        assertTrue(problems.any { "$.training.schedule" in it && "cosine" in it && "line search chooses every step" in it }, problems.toString())
        assertTrue(problems.any { "$.training.callbacks[0]" in it && "cannot be resumed" in it && "remove the callback" in it }, problems.toString())
        assertEquals(3, problems.size, problems.toString())
    }

    @Test
    fun `the check shared by mlp check and mlp run refuses a checkpoint callback with lbfgs`() {
        val e = assertThrows<ConfigException> {
            SpecValidation.requireValid(moons(5) { checkpoint(every = 1) }.spec, "dsl")
        }
        assertTrue("cannot be resumed" in e.message!!, e.message)
    }
}
