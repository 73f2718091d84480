package mlpkit.dsl.config

import mlpkit.dsl.spec.ExperimentSpec

/**
 * What can be wrong with an experiment's `validation` (cross-validation) block without the data, beside the ranges of its
 * numbers ([mlpkit.dsl.spec.ValidationSpec], checked by [RangeChecks]): what it excludes in the rest of the experiment.
 */
internal object ValidationChecks {
    private val path = JsonPath.ROOT.key("validation")

    fun check(spec: ExperimentSpec, problems: Problems) {
        if (spec.validation == null) return
        if (spec.data.split.validation != 0.0) {
            problems.add(
                JsonPath.ROOT.key("data").key("split").key("validation"), "a cross-validated experiment's folds are its validation parts",
                "0 (no validation part besides the folds)", Problems.number(spec.data.split.validation), "; remove split.validation",
            )
        }
        if (spec.sweep != null) {
            problems.add(path, "a sweep and a cross-validation in one experiment", "one of them", "both", "; cross-validate the variation you choose after the sweep")
        }
    }
}
