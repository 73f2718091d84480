package mlpkit.dsl.train

import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.model.Model

/**
 * The outcome of a run: why it ended, how many epochs it completed ([epochs], counting those before a
 * resume), the epoch whose weights were restored by early stopping ([restoredEpoch], else null), the
 * per-epoch [history], the final [metrics] in inference mode on each part (`train_loss`,
 * `train_accuracy`, `train_auc`, `validation_…`, `test_…`), a classification report per part
 * ([reports], keyed `train`, `validation`, `test`), the [model], and where early stopping stood at the end
 * ([earlyStopping], null without the callback: a warm start can go on from it through `TrainingStart`).
 */
class TrainingResult(
    val reason: StopReason,
    val epochs: Int,
    val restoredEpoch: Int?,
    val history: List<HistoryRow>,
    val metrics: Map<String, Double>,
    val reports: Map<String, String>,
    val model: Model,
    val earlyStopping: EarlyStoppingState? = null,
    /** The class and sample weights the run trained with, or null for an unweighted run (see [TrainingWeights]). */
    val weights: TrainingWeights? = null,
    /** What trained a distributed run (engine, master, strategy, partitions), or null for a run trained here. */
    val trainedOn: String? = null,
    /** What the run summary should say besides the figures, e.g. metrics an engine-read run could not compute. */
    val notes: List<String> = emptyList(),
) {
    /** A copy of the final parameters, in core's flat layout. */
    fun parameters(): DoubleArray = model.file.parameters.copyOf()

    /** A final metric by name, or an error listing the ones this run has. */
    fun metric(name: String): Double = metrics[name]
        ?: throw IllegalArgumentException("this run has no metric '$name'; it has ${metrics.keys.joinToString(", ")}")

    override fun toString(): String = "TrainingResult($reason after $epochs epochs, $metrics)"
}
