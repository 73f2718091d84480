package mlpkit.dsl.resolve

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.RegressionTargets
import mlpkit.data.scaling.Scaler
import mlpkit.data.split.SplitIndices
import mlpkit.data.table.ColumnPipeline

/**
 * The data of an experiment, ready for training: the [train], [validation] and [test] parts with their
 * features already scaled (as views: rows are scaled as they are copied into a batch), the
 * [inputScaling] that did it (fitted on the training rows only; null for none), the row
 * [splitIndices] when the parts were split from one set, and the [featureNames] of the source's
 * columns in feature order when it has them (a CSV file with a header; a model records them), and the
 * [targetScaler] fitted on the training rows' regression targets when the spec scales them (every part's
 * targets are then the scaled ones; metrics and predictions map them back). Null otherwise. [targetNames]
 * names a regression set's target columns when the source has names (linnerud's Weight, Waist, Pulse).
 */
class ResolvedData @JvmOverloads constructor(
    val train: Dataset,
    val validation: Dataset?,
    val test: Dataset?,
    val inputScaling: InputScaling?,
    val splitIndices: SplitIndices?,
    val featureNames: List<String>? = null,
    val targetScaler: Scaler? = null,
    val targetNames: List<String>? = null,
    /** The column pipeline fitted on the training rows of a table source (it made the features), or null. */
    val pipeline: ColumnPipeline? = null,
    /** Notes for the run to print: rows left out for a missing target. */
    val notes: List<String> = emptyList(),
) {
    /** Features per sample: the network's input size. */
    val inputSize: Int get() = train.features.cols

    /** The class names, indexed by label, or null for a regression set. */
    val classNames: List<String>? get() = (train.targets as? ClassLabels)?.classNames

    /** Whether the targets are class labels (not real values). */
    val isClassification: Boolean get() = train.targets is ClassLabels

    /** Real-valued outputs per sample for a regression set, or null. */
    val regressionOutputs: Int? get() = (train.targets as? RegressionTargets)?.outputs

    override fun toString(): String =
        "ResolvedData(train ${train.size}, validation ${validation?.size ?: 0}, test ${test?.size ?: 0}, scaling $inputScaling)"
}
