package mlpkit.dsl.resolve

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.scaling.MinMaxScaler
import mlpkit.data.scaling.Scaler
import mlpkit.data.scaling.StandardScaler
import mlpkit.dsl.spec.TargetScaling

/**
 * Scaling of regression targets ([TargetScaling]): data's scalers fitted per target column on the training
 * rows, as input scaling fits them on the features. The scaler maps targets y to what the network learns,
 * y' = (y − mean) / scale (standard) or (y − min) / (max − min) (min-max); its inverse maps outputs back.
 */
internal object TargetScalers {
    /** The scaler [scaling] fits on [train]'s targets, or null for none; an error for class targets. */
    fun fit(scaling: TargetScaling, train: Dataset): Scaler? {
        if (scaling == TargetScaling.NONE) return null
        val targets = train.targets
        require(targets is RegressionTargets) {
            val name = if (scaling == TargetScaling.STANDARD) "standard" else "minmax"
            "data.targetScaling '$name' scales real-valued (regression) targets, but '${train.name}' has class labels " +
                "(${(targets as ClassLabels).classCount} classes): remove targetScaling, or use a regression set (diabetes, linnerud, a CSV with regression = true)"
        }
        val values = DenseFeatures(targets.values)
        return when (scaling) {
            TargetScaling.STANDARD -> StandardScaler.fit(values)
            TargetScaling.MIN_MAX -> MinMaxScaler.fit(values)
            TargetScaling.NONE -> null
        }
    }

    /** [dataset] with its regression targets scaled by [scaler] (a copy of the targets; features unchanged). */
    fun scaled(dataset: Dataset, scaler: Scaler): Dataset =
        Dataset(dataset.name, dataset.features, RegressionTargets(scaler.transform((dataset.targets as RegressionTargets).values)), dataset.weights)
}
