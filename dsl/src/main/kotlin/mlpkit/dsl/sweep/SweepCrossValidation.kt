package mlpkit.dsl.sweep

import mlpkit.core.concept.Registry
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.cv.CrossValidation
import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.ValidationSpec
import mlpkit.dsl.train.SeedStreams
import mlpkit.dsl.train.StopSignal

/**
 * The one place where a sweep's `"cv": k` takes effect: [row] cross-validates a variation with the experiment
 * cross-validation ([CrossValidation]): the variation's spec with a `validation` block of k folds whose
 * `randomState` is drawn from the **base** experiment's seed ([foldsSeed]), so every variation is scored on the same
 * folds. The row's metrics are the folds' means and standard deviations ([CvResult.summary]: `cv_<metric>`,
 * `cv_<metric>_std`) and it keeps the whole [CvResult]. Folds run one at a time inside a variation: the sweep's
 * `parallelism` already runs variations side by side.
 */
internal object SweepCrossValidation {
    /** numpy's `random_state` of every variation's folds: the one a `validation` block without one draws from [seed]. */
    fun foldsSeed(seed: Long): Long = SeedStreams(seed).foldsSeed

    /** [variant] with the `validation` block of a sweep with `cv` = [folds]; refuses a variant that has one already. */
    fun validated(name: String, variant: ExperimentSpec, folds: Int, baseSeed: Long): ExperimentSpec {
        require(variant.validation == null) {
            "sweep variation '$name' sets a validation block (cv = ${variant.validation?.cv}), but the sweep's \"cv\": $folds " +
                "cross-validates every variation itself: remove \"validation\" from the experiment and the variation, or remove \"cv\" from the sweep"
        }
        return variant.copy(validation = ValidationSpec(cv = folds, randomState = foldsSeed(baseSeed), parallelism = 1))
    }

    /** The variation's row from the k-fold cross-validation of [variant]; a diverged or interrupted fold marks the row so. */
    suspend fun row(
        name: String, variant: ExperimentSpec, folds: Int, baseSeed: Long,
        resolver: DataResolver, hooks: List<EpochHook>, registry: Registry, stopSignal: StopSignal?,
    ): SweepRow {
        val spec = validated(name, variant, folds, baseSeed)
        val result = CrossValidation(Experiment(spec, hooks, registry), resolver).run(stopSignal = stopSignal)
        val stops = result.folds.map { it.stopReason }.distinct()
        val status = when {
            stops.any { it in DIVERGED } -> SweepStatus.DIVERGED
            CANCELLED in stops || stopSignal?.isStopRequested == true -> SweepStatus.INTERRUPTED
            else -> SweepStatus.OK
        }
        val message = when (status) {
            SweepStatus.DIVERGED -> "${result.folds.count { it.stopReason in DIVERGED }} of ${result.folds.size} folds diverged"
            SweepStatus.INTERRUPTED -> "stopped on request during the cross-validation"
            else -> null
        }
        return SweepRow(name, variant.network.notation(), null, result.summary, status, message, null, stops.joinToString("/"), result)
    }

    /** The `metrics.json` stop reasons of a fold whose loss diverged, and of one stopped on request. */
    private val DIVERGED = setOf("diverged", "non-finite")
    private const val CANCELLED = "cancelled"
}
