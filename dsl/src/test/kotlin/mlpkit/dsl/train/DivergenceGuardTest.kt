package mlpkit.dsl.train

import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.spec.DivergenceSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class DivergenceGuardTest {
    private fun guard(factor: Double = 100.0, patience: Int = 2) = DivergenceGuard(DivergenceSpec.Guard(factor, patience), 0.5)

    /** The first epoch at which the guard stops, feeding it [losses] from epoch 1; null when it never does. */
    private fun stopsAt(guard: DivergenceGuard, vararg losses: Double): StopReason.Diverged? =
        losses.withIndex().firstNotNullOfOrNull { (i, loss) -> guard.update(i + 1, loss) }

    @Test
    fun `a loss above factor times its best for patience epochs in a row stops the run with the numbers and the fix`() {
        val stop = stopsAt(guard(), 0.53, 0.7, 60.0, 66583.0, 70000.0)!!
        assertEquals(4, stop.epoch)
        assertEquals(66583.0, stop.loss)
        assertEquals(0.53, stop.best)
        assertEquals(1, stop.bestEpoch)
        assertEquals(
            "training loss 66583 at epoch 4 is 125630 × its best (0.53 at epoch 1), above 100 × for 2 epochs in a row: " +
                "the run diverged; lower the learning rate (lr = 0.5), or change training.divergence (factor, patience) " +
                "or turn the guard off",
            stop.message,
        )
        assertEquals(stop.message, stop.divergence)
    }

    @Test
    fun `one spike that recovers does not stop the run, and the count starts again`() {
        assertNull(stopsAt(guard(), 1.0, 500.0, 0.9, 200.0, 0.8, 0.7))
        assertEquals(3, stopsAt(guard(patience = 1), 1.0, 50.0, 101.0)?.epoch)
        assertEquals(3, stopsAt(guard(factor = 10.0), 1.0, 11.0, 12.0)?.epoch)
    }

    @Test
    fun `a loss that is not finite counts as divergent even with no best yet`() {
        val stop = stopsAt(guard(), Double.POSITIVE_INFINITY, Double.NaN)!!
        assertEquals(2, stop.epoch)
        assertEquals(
            "the training loss of epoch 2 is NaN for 2 epochs in a row: the run diverged; lower the learning rate (lr = 0.5), " +
                "or change training.divergence (factor, patience) or turn the guard off",
            stop.message,
        )
    }

    @Test
    fun `a best loss of zero or below is no yardstick, so only a non-finite loss counts`() {
        assertNull(stopsAt(guard(), 0.0, 5.0, 7.0, 9.0))
        assertNull(stopsAt(guard(), -2.0, 3.0, 40.0, 1e9))
    }

    @Test
    fun `replaying a history leaves the guard where the run left it`() {
        val losses = doubleArrayOf(1.0, 0.5, 80.0)
        val history = losses.mapIndexed { i, loss -> HistoryRow(i + 1, 0.5, 0, mapOf("train_loss" to loss)) }
        val replayed = guard()
        assertNull(replayed.replay(history))
        val straight = guard()
        assertNull(stopsAt(straight, *losses))
        // Epoch 3 was the first divergent one (80 > 100 × 0.5); epoch 4 is the second and stops both.
        assertEquals(straight.update(4, 51.0), replayed.update(4, 51.0))
        assertEquals(4, guard().let { g -> g.replay(history); g.update(4, 51.0) }?.epoch)
        assertEquals(3, guard(patience = 1).replay(history)?.epoch, "a history whose last epoch diverged has already stopped")
    }

    @Test
    fun `a loss that blows up within the first epoch is measured against the untrained network's`() {
        val started = guard().apply { start(0.69) }
        val stop = stopsAt(started, 1.8e6, 2.2e6)!!
        assertEquals(2, stop.epoch)
        assertEquals(0, stop.bestEpoch)
        assertTrue(stop.message.startsWith("training loss 2.200e+06 at epoch 2 is 3.188e+06 × its best (0.69 before training), above 100 × for 2 epochs"), stop.message)
        // Without the untrained loss, the first epoch's diverged loss would be the yardstick and nothing would stop.
        assertNull(stopsAt(guard(), 1.8e6, 2.2e6, 2.0e6))
        // A non-finite untrained loss is no yardstick.
        assertNull(stopsAt(guard().apply { start(Double.NaN) }, 5.0, 900.0))
    }
}
