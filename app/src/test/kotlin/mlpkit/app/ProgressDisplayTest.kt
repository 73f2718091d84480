package mlpkit.app

import mlpkit.dsl.train.TrainingEvent
import mlpkit.dsl.train.TrainingProgress
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class ProgressDisplayTest {
    /** A fake terminal and clock, and a batch counter the test moves by hand. */
    private class Fake(total: Int, batches: Int) {
        var now = 0L
        var position = TrainingProgress.Position(0, 0)
        val screen = StringBuilder()
        val display = ProgressDisplay(total, { position }, { batches }, { screen.append(it) }, { now })

        /** What the terminal shows: the text after the last carriage return, without the clear-to-end-of-line. */
        fun shown(): String = screen.toString().substringAfterLast('\r').removeSuffix("\u001B[K")
        fun draws(): Int = screen.count { it == '\r' }
    }

    private fun epochEnd(epoch: Int) = TrainingEvent.EpochEnd(
        epoch, 0.5, linkedMapOf("train_loss" to 0.5, "train_accuracy" to 0.8, "validation_loss" to 0.625, "validation_accuracy" to 0.75), 0.1, 900,
    )

    @Test
    fun `before the first batch the line says the run is starting, without an ETA`() {
        val fake = Fake(total = 10, batches = 1875)
        fake.display.tick()
        assertEquals("epoch 1/10 starting  ETA -:--", fake.shown())
    }

    @Test
    fun `the bar shows the batches of the epoch and the ETA extrapolates from the first batch on`() {
        val fake = Fake(total = 2, batches = 1000)
        fake.position = TrainingProgress.Position(1, 0)
        fake.display.tick() // t = 0: the first batch under way
        fake.now = 1_000_000_000L
        fake.position = TrainingProgress.Position(1, 250)
        fake.display.tick()
        // f = 250/1000/2 = 0.125 in 1 s: 7 s for the remaining 0.875.
        assertEquals("epoch 1/2 [######------------------] batch 250/1000  ETA 0:07", fake.shown())
    }

    @Test
    fun `after an epoch the line shows its training loss and validation metrics`() {
        val fake = Fake(total = 4, batches = 10)
        fake.position = TrainingProgress.Position(1, 0)
        fake.display.tick()
        fake.now = 2_000_000_000L
        fake.position = TrainingProgress.Position(2, 0)
        fake.display.epochEnded(epochEnd(1))
        // f = 1/4 in 2 s: 6 s for the other 3/4.
        assertEquals("epoch 2/4 [------------------------] batch 0/10  train_loss 0.5000  validation_loss 0.6250  validation_accuracy 0.7500  ETA 0:06", fake.shown())
    }

    @Test
    fun `the line is redrawn at most every 100 ms however often it is asked`() {
        val fake = Fake(total = 1, batches = 100)
        fake.position = TrainingProgress.Position(1, 1)
        for (ms in 0L until 1000L step 10) {
            fake.now = ms * 1_000_000
            fake.display.tick()
            fake.display.epochEnded(epochEnd(1))
        }
        assertEquals(10, fake.draws())
        fake.display.finish()
        assertEquals(11, fake.draws())
        assertEquals('\n', fake.screen.last())
    }

    @Test
    fun `a resumed run's ETA counts only the progress made since the display started`() {
        val fake = Fake(total = 10, batches = 4)
        fake.position = TrainingProgress.Position(6, 0) // five epochs done before this process
        fake.display.tick()
        fake.now = 3_000_000_000L
        fake.position = TrainingProgress.Position(6, 2) // half an epoch, 1/20 of the run, in 3 s
        fake.display.tick()
        // 0.45 of the run left at 3 s per 0.05: 27 s.
        assertEquals("epoch 6/10 [############------------] batch 2/4  ETA 0:27", fake.shown())
    }
}
