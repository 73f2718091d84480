package mlpkit.dsl.train

import kotlinx.coroutines.flow.filterIsInstance
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.CallbackSpec
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class TrainingRunTest {
    @Test
    fun `the moons experiment of article E2 reaches at least 97 percent training accuracy`() {
        val result = TrainingRun(TestExperiments.moons()).fit()
        assertEquals(StopReason.Completed, result.reason)
        assertEquals(300, result.epochs)
        assertTrue(result.metric("train_accuracy") >= 0.97, "train accuracy ${result.metric("train_accuracy")}")
        assertTrue(result.metric("train_loss") < 0.1, "train loss ${result.metric("train_loss")}")
        val losses = result.history.map { it.metrics.getValue("train_loss") }
        assertTrue(losses.last() < losses.first() / 5, "the loss falls: $losses")
        assertTrue("precision" in result.reports.getValue("train"))
    }

    @Test
    fun `the same seed gives bit-identical weights with dropout and shuffling, another seed does not`() {
        val first = TrainingRun(TestExperiments.stochastic()).fit()
        val second = TrainingRun(TestExperiments.stochastic()).fit()
        assertArrayEquals(first.parameters(), second.parameters(), 0.0)
        assertEquals(first.history.map { it.metrics }, second.history.map { it.metrics })
        val other = TrainingRun(TestExperiments.stochastic(seed = 12)).fit()
        assertFalse(first.parameters().contentEquals(other.parameters()))
    }

    @Test
    fun `collecting the same run twice gives two identical runs`() = runBlocking {
        val run = TrainingRun(TestExperiments.stochastic(epochs = 3))
        val a = run.events().toList()
        val b = run.events().toList()
        assertEquals(4, a.size)
        assertEquals(listOf(1, 2, 3), a.filterIsInstance<TrainingEvent.EpochEnd>().map { it.epoch })
        val lastA = (a.last() as TrainingEvent.Stopped).result
        val lastB = (b.last() as TrainingEvent.Stopped).result
        assertArrayEquals(lastA.parameters(), lastB.parameters(), 0.0)
    }

    @Test
    fun `epoch events carry the training and validation metrics and the learning rate, and hooks see every epoch`() = runBlocking {
        val seen = mutableListOf<Int>()
        val base = TestExperiments.stochastic(epochs = 3) { schedule = step(every = 2, factor = 0.5) }
        val experiment = Experiment(base.spec, listOf(mlpkit.dsl.EpochHook { seen += it.epoch }))
        val epochs = TrainingRun(experiment).events().filterIsInstance<TrainingEvent.EpochEnd>().toList()
        assertEquals(listOf(1, 2, 3), seen)
        assertEquals(listOf(0.01, 0.01, 0.005), epochs.map { it.learningRate })
        assertEquals(
            setOf("train_loss", "train_accuracy", "validation_loss", "validation_accuracy", "validation_auc"),
            epochs.first().metrics.keys,
        )
        assertEquals(epochs.first().trainLoss, epochs.first().metrics["train_loss"])
    }

    @Test
    fun `early stopping ends the run and restores the weights of the best epoch`() {
        val stopping = TrainingRun(TestExperiments.overfitting(60) { earlyStopping(monitor = "val_loss", patience = 4) }).fit()
        val reason = assertInstanceOf(StopReason.EarlyStopped::class.java, stopping.reason)
        assertEquals(reason.bestEpoch + 4, reason.epoch)
        assertTrue(reason.epoch < 60, "validation loss should stop improving well before epoch 60")
        assertEquals(reason.bestEpoch, stopping.restoredEpoch)
        val validationLosses = stopping.history.map { it.metrics.getValue("validation_loss") }
        assertEquals(validationLosses.indexOf(validationLosses.min()) + 1, reason.bestEpoch)

        // A run of exactly the best epoch's length trains the same weights (same seed, constant rate).
        val straight = TrainingRun(TestExperiments.overfitting(reason.bestEpoch)).fit()
        assertArrayEquals(straight.parameters(), stopping.parameters(), 0.0)
        assertEquals(straight.metric("validation_loss"), stopping.metric("validation_loss"))
    }

    @Test
    fun `restore best also puts back the best weights when the last epoch ends the run`() {
        val patient = TrainingRun(TestExperiments.overfitting(30) { earlyStopping(monitor = "val_loss", patience = 1000) }).fit()
        assertEquals(StopReason.Completed, patient.reason)
        val best = patient.restoredEpoch
        assertNotNull(best, "restore best should have restored an epoch")
        best!!
        assertTrue(best < 30, "the best validation loss should come before the last epoch, got epoch $best")
        val straight = TrainingRun(TestExperiments.overfitting(best)).fit()
        assertArrayEquals(straight.parameters(), patient.parameters(), 0.0)
    }

    @Test
    fun `early stopping on a metric the run does not report is an error naming what it does report`() {
        val e = assertThrows<IllegalArgumentException> {
            TrainingRun(TestExperiments.moons(epochs = 2).let { moons ->
                Experiment(moons.spec.copy(training = moons.spec.training.copy(callbacks = listOf(CallbackSpec.EarlyStopping()))))
            }).fit()
        }
        assertTrue("val_loss" in e.message!! && "train_loss" in e.message!! && "split(validation" in e.message!!, e.message)
    }

    @Test
    fun `a non-finite loss stops the run naming the epoch, the batch and the layer, and suggests a fix`() {
        // Squared error on a linear output with lr 1e6 diverges geometrically until the loss overflows.
        val diverging = experiment("diverging") {
            data { moons(samples = 160, noise = 0.2, randomState = 4) }
            network { dense(16, tanh); dense(1, identity) }
            training { loss = mse; reduction = sum; optimizer = sgd(lr = 1e6); epochs = 50; batchSize = 16 }
        }
        val result = TrainingRun(diverging).fit()
        val reason = assertInstanceOf(StopReason.NonFinite::class.java, result.reason)
        val message = reason.message
        assertTrue(Regex("the loss became (NaN|Infinity) in epoch ${reason.epoch}, batch ${reason.batch} of 10").containsMatchIn(message), message)
        assertTrue(reason.layer.startsWith("layer ") && reason.layer in message, message)
        assertTrue("lower the learning rate" in message && "reduction = mean" in message && "clipNorm" in message, message)
        assertEquals(reason.epoch - 1, result.epochs, "the epoch that diverged is not counted as completed")
    }

    @Test
    fun `a stop signal ends the run after the current batch with a result`() {
        val signal = StopSignal()
        val base = TestExperiments.stochastic(epochs = 50)
        val experiment = Experiment(base.spec, listOf(mlpkit.dsl.EpochHook { if (it.epoch == 2) signal.requestStop() }))
        val result = TrainingRun(experiment, stopSignal = signal).fit()
        assertEquals(StopReason.Cancelled, result.reason)
        assertEquals(2, result.epochs)
        assertTrue("validation_accuracy" in result.metrics)
    }

    @Test
    fun `a checkpoint callback without a run directory is refused before training`() {
        val e = assertThrows<IllegalArgumentException> { TrainingRun(TestExperiments.stochastic { checkpoint(every = 2) }) }
        assertTrue("run directory" in e.message!!, e.message)
    }
}
