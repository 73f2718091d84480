package mlpkit.dsl.config

import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.ValidationSpec

/** What can be wrong with an experiment's `validation` (cross-validation) block without the data. */
internal object ValidationChecks {
    private val path = JsonPath.ROOT.key("validation")

    fun check(spec: ExperimentSpec, problems: Problems) {
        val validation = spec.validation ?: return
        if (validation.cv < ValidationSpec.MIN_FOLDS) {
            problems.add(path.key("cv"), "too few folds", "a whole number ≥ ${ValidationSpec.MIN_FOLDS}", validation.cv.toString(), "; 5 or 10 are usual")
        }
        problems.atLeastOne(path.key("repeats"), validation.repeats, "repeats of the folds")
        problems.atLeastOne(path.key("parallelism"), validation.parallelism, "folds trained at once")
        validation.randomState?.let { state ->
            if (state !in 0..ValidationSpec.MAX_RANDOM_STATE) {
                problems.add(path.key("randomState"), "not a numpy seed", "a whole number in 0..${ValidationSpec.MAX_RANDOM_STATE}", state.toString(), "; leave it out to draw it from training.seed")
            }
        }
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
