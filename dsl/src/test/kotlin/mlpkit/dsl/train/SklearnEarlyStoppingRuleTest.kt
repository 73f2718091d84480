package mlpkit.dsl.train

import mlpkit.core.concept.Registry
import mlpkit.dsl.spec.CallbackSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** scikit-learn's `_update_no_improvement_count` as an option of the early-stopping callback, on hand-worked sequences. */
class SklearnEarlyStoppingRuleTest {
    private fun stopping(monitor: String, mode: String, patience: Int, tol: Double, rule: String) =
        EarlyStopping(CallbackSpec.EarlyStopping(monitor, mode, patience, tol, restoreBest = true, rule = rule), 1, 0, Registry.builtIns())

    /** Feeds [values] epoch by epoch (the parameters hold the epoch number); the epoch that stopped, or null. */
    private fun EarlyStopping.feed(monitor: String, values: List<Double>, parameters: DoubleArray): Int? {
        values.forEachIndexed { i, value ->
            parameters[0] = (i + 1).toDouble()
            if (update(i + 1, mapOf(monitor to value), parameters, DoubleArray(0))) return i + 1
        }
        return null
    }

    @Test
    fun `on a loss the count grows while the loss is above best minus tol and the run stops when it exceeds n_iter_no_change`() {
        // tol 0.1, n_iter_no_change 2. Counts: 1.0 → 0 (best inf), 0.95 > 0.9 → 1, 0.8 ≤ 0.85 → 0, 0.79 → 1, 0.78 → 2, 0.77 → 3 > 2: stop.
        // The best follows every strict decrease, so it is 0.77 of epoch 6.
        val losses = listOf(1.0, 0.95, 0.8, 0.79, 0.78, 0.77, 0.5)
        val sklearn = stopping("train_loss", "min", 2, 0.1, CallbackSpec.EarlyStopping.SKLEARN)
        val parameters = DoubleArray(1)
        assertEquals(6, sklearn.feed("train_loss", losses, parameters))
        assertEquals(6, sklearn.bestEpoch)
        assertEquals(0.77, sklearn.bestValue)
        // Keras' rule on the same values: 0.95 and then 0.79, 0.78 do not improve by more than 0.1: it stops at epoch 5, best epoch 3.
        val keras = stopping("train_loss", "min", 2, 0.1, CallbackSpec.EarlyStopping.KERAS)
        assertEquals(5, keras.feed("train_loss", losses, DoubleArray(1)))
        assertEquals(3, keras.bestEpoch)
    }

    @Test
    fun `on a validation score a rise smaller than tol counts and the best strictly higher score's weights are restored`() {
        // tol 0.01, n_iter_no_change 1. Counts: 0.5 → 0, 0.505 < 0.51 → 1 (but the best moves to it), 0.6 → 0, 0.6 < 0.61 → 1, 0.6 → 2 > 1: stop.
        val scores = listOf(0.5, 0.505, 0.6, 0.6, 0.6, 0.9)
        val sklearn = stopping("validation_accuracy", "max", 1, 0.01, CallbackSpec.EarlyStopping.SKLEARN)
        val parameters = DoubleArray(1)
        assertEquals(5, sklearn.feed("validation_accuracy", scores, parameters))
        assertEquals(3, sklearn.bestEpoch)
        assertEquals(3, sklearn.restoreBest(parameters, DoubleArray(0)))
        assertEquals(3.0, parameters[0])
    }

    @Test
    fun `with tol 0 an equal loss resets the count, as scikit-learn's strict comparison does`() {
        // 1.0 > 1.0 − 0 is false: the count goes back to 0 each time and the run never stops.
        val sklearn = stopping("train_loss", "min", 1, 0.0, CallbackSpec.EarlyStopping.SKLEARN)
        assertEquals(null, sklearn.feed("train_loss", listOf(1.0, 1.0, 1.0, 1.0), DoubleArray(1)))
        assertEquals(1, sklearn.bestEpoch)
    }
}
