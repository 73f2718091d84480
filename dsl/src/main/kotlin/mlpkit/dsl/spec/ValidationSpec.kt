package mlpkit.dsl.spec

import kotlinx.serialization.Serializable
import mlpkit.data.split.ShuffleSplit

/**
 * Cross-validation of an experiment (`"validation": {"cv": 5}`): the rows (less a `split.test` part, which every fold
 * is evaluated on) are cut into [cv] folds, [repeats] times, as scikit-learn's `KFold` / `StratifiedKFold` (and
 * `RepeatedKFold` / `RepeatedStratifiedKFold`) cut them; each fold is an ordinary run trained on the other folds and
 * evaluated on its own rows as its `validation` part.
 *
 * - [cv]: folds, at least [MIN_FOLDS];
 * - [repeats]: how many times the folds are drawn, at least 1 (default 1); repeats draw from one `RandomState`;
 * - [stratify]: keep class proportions in every fold; null (the default) means yes for class targets, no for
 *   regression;
 * - [randomState]: numpy's seed of the folds' shuffle, 0..2³²−1; null (the default) draws it from the run's seed;
 * - [parallelism]: folds trained at once, at least 1 (default [DEFAULT_PARALLELISM]); results do not depend on it.
 */
@Serializable
data class ValidationSpec(
    @ValidRange(min = MIN_FOLDS.toDouble(), fix = "5 or 10 are usual") val cv: Int,
    @ValidRange(min = 1.0, fix = "how many times the folds are drawn, e.g. 1") val repeats: Int = 1,
    val stratify: Boolean? = null,
    @ValidRange(min = 0.0, max = ShuffleSplit.MAX_SEED.toDouble(), fix = "a numpy seed, e.g. 0, or leave it out to draw it from training.seed")
    val randomState: Long? = null,
    @ValidRange(min = 1.0, fix = "the folds trained at once, e.g. 2") val parallelism: Int = DEFAULT_PARALLELISM,
) {
    /** Whether the folds keep class proportions, for targets that [areClasses] or not. */
    fun stratified(areClasses: Boolean): Boolean = stratify ?: areClasses

    /** Folds in all: [cv] × [repeats]. */
    val runs: Int get() = cv * repeats

    companion object {
        const val MIN_FOLDS = 2
        const val DEFAULT_PARALLELISM = 2
    }
}
