package mlpkit.dsl.train

import mlpkit.core.concept.Registry
import mlpkit.core.metrics.Monitor
import mlpkit.dsl.spec.CallbackSpec

/**
 * Early stopping over the per-epoch metrics, by one of two rules (which way is better is the [Monitor]'s:
 * with mode auto, the metric's own).
 *
 * - `keras`: an epoch improves when its monitored value beats the best so far by more than minDelta; after
 *   patience epochs in a row without improvement the run stops.
 * - `sklearn` (scikit-learn's `_update_no_improvement_count`, minDelta as `tol`): a value not better than the
 *   best by more than minDelta (for a loss: value > best − tol) adds one to the count, any other sets it to 0;
 *   the best (first ±∞) moves to every strictly better value; the run stops when the count exceeds patience.
 *
 * With restoreBest,
 * the best epoch's parameters and layer state are copied aside when it happens (preallocated arrays) and
 * put back when the run ends, whether early stopping ended it or the last epoch did.
 */
internal class EarlyStopping(private val spec: CallbackSpec.EarlyStopping, parameterCount: Int, stateSize: Int, registry: Registry) {
    private val monitorRule = Monitor(spec.monitor, spec.mode, spec.minDelta, registry)
    val monitor: String = monitorRule.metric()

    private val bestParameters: DoubleArray? = if (spec.restoreBest) DoubleArray(parameterCount) else null
    private val bestState: DoubleArray? = if (spec.restoreBest) DoubleArray(stateSize) else null
    private var best = Double.NaN
    private var wait = 0

    /** The epoch with the best monitored value so far (0 before any). */
    var bestEpoch = 0
        private set

    init {
        require(spec.patience >= 1) { "early stopping needs a patience of at least 1 epoch, got ${spec.patience}" }
    }

    private val sklearnRule = spec.rule == CallbackSpec.EarlyStopping.SKLEARN

    init {
        require(spec.rule in CallbackSpec.EarlyStopping.RULES) {
            "early stopping follows one of the rules ${CallbackSpec.EarlyStopping.RULES.joinToString(", ")}, got '${spec.rule}'"
        }
    }

    /** Whether patience has run out: a run restored in this state had already stopped. */
    val isExhausted: Boolean get() = if (sklearnRule) wait > spec.patience else wait >= spec.patience

    /** The best monitored value so far (NaN before any epoch). */
    val bestValue: Double get() = best

    /** Fails, naming what the run reports, when the monitor is not among [reported] (the per-epoch metric names). */
    fun requireMonitorIn(reported: Collection<String>) {
        require(monitor in reported) {
            val hint = if (monitor.startsWith("validation_") && reported.none { it.startsWith("validation_") }) {
                ": there is no validation part, add one with split(validation = 0.2)"
            } else {
                ""
            }
            "early stopping monitors '${spec.monitor}', but this run reports ${reported.joinToString(", ")} each epoch$hint"
        }
    }

    /** Takes epoch [epoch]'s metrics (and its [parameters] and [state], kept if best); true when the run should stop now. */
    fun update(epoch: Int, metrics: Map<String, Double>, parameters: DoubleArray, state: DoubleArray): Boolean {
        val value = metrics.getValue(monitor)
        if (sklearnRule) return updateAsSklearn(epoch, value, parameters, state)
        val improved = value.isFinite() && (bestEpoch == 0 || monitorRule.improves(value, best))
        if (improved) {
            best = value
            bestEpoch = epoch
            wait = 0
            bestParameters?.let { parameters.copyInto(it) }
            bestState?.let { state.copyInto(it) }
        } else {
            wait++
        }
        return isExhausted
    }

    private fun updateAsSklearn(epoch: Int, value: Double, parameters: DoubleArray, state: DoubleArray): Boolean {
        val maximise = monitorRule.maximise()
        val bestSoFar = if (bestEpoch == 0) (if (maximise) Double.NEGATIVE_INFINITY else Double.POSITIVE_INFINITY) else best
        val notBetterByTol = if (maximise) value < bestSoFar + spec.minDelta else value > bestSoFar - spec.minDelta
        wait = if (notBetterByTol) wait + 1 else 0
        if (if (maximise) value > bestSoFar else value < bestSoFar) {
            best = value
            bestEpoch = epoch
            bestParameters?.let { parameters.copyInto(it) }
            bestState?.let { state.copyInto(it) }
        }
        return isExhausted
    }

    /** Puts the best epoch's parameters and state back; the restored epoch, or null when there is nothing to restore. */
    fun restoreBest(parameters: DoubleArray, state: DoubleArray): Int? {
        val saved = bestParameters ?: return null
        if (bestEpoch == 0) return null
        saved.copyInto(parameters)
        bestState?.copyInto(state)
        return bestEpoch
    }

    fun state(): EarlyStoppingState = EarlyStoppingState(best, bestEpoch, wait, bestParameters?.copyOf(), bestState?.takeIf { it.isNotEmpty() }?.copyOf())

    fun restore(state: EarlyStoppingState) {
        best = state.best
        bestEpoch = state.bestEpoch
        wait = state.wait
        val saved = bestParameters
        if (saved != null) {
            val stored = requireNotNull(state.bestParameters) {
                "the checkpoint's early-stopping state has no best weights, but the spec restores them: the checkpoint is damaged"
            }
            require(stored.size == saved.size) {
                "the checkpoint's best weights have ${stored.size} entries for a network of ${saved.size}: the checkpoint is damaged"
            }
            stored.copyInto(saved)
            val storedState = state.bestState ?: DoubleArray(0)
            require(storedState.size == bestState!!.size) {
                "the checkpoint's best layer state has ${storedState.size} entries for a network of ${bestState.size}: the checkpoint is damaged"
            }
            storedState.copyInto(bestState)
        }
    }
}
