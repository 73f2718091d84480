package mlpkit.app.report

import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.TargetScaling

/**
 * A run's data for its pictures, found again as the run found it (same spec, same seeds), each form at
 * most once and only when a picture asks for it:
 *
 * - [scaled]: the parts as the network saw them (ROC, confusion matrix); [preResolved] when the command
 *   already has them from its checks before training;
 * - [raw]: the same rows before scaling, for axes in the data's own units (decision boundary); the same
 *   object as [scaled] when the spec does not scale.
 */
internal class PictureData(
    private val spec: ExperimentSpec,
    private val preResolved: ResolvedData?,
    private val resolve: (ExperimentSpec) -> ResolvedData,
) {
    val scaled: ResolvedData by lazy { preResolved ?: resolve(spec) }

    val raw: ResolvedData by lazy {
        // Raw features and targets in their own units (no input or target scaling), as a user would give them to Model.predict.
        if (spec.data.scaling == Scaling.NONE && spec.data.targetScaling == TargetScaling.NONE) {
            scaled
        } else {
            resolve(spec.copy(data = spec.data.copy(scaling = Scaling.NONE, targetScaling = TargetScaling.NONE)))
        }
    }
}
