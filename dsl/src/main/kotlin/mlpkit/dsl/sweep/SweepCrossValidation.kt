package mlpkit.dsl.sweep

import mlpkit.dsl.spec.ExperimentSpec

/**
 * The one place where a sweep's `"cv": k` takes effect: [row] gives a variation's row from a k-fold cross-validation
 * of [variant] (its mean metrics), or null to run the variation on its own split as a sweep without `cv` does.
 * Today it returns null: experiment cross-validation (issue 17, `validation.cv`) lives elsewhere and is wired here
 * when merged; [SweepRunner] calls this for every variation of a sweep with `cv`.
 */
internal object SweepCrossValidation {
    @Suppress("UNUSED_PARAMETER")
    fun row(name: String, variant: ExperimentSpec, folds: Int): SweepRow? = null
}
