package mlpkit.estimator

import mlpkit.data.ClassLabels
import mlpkit.data.random.RandomState
import mlpkit.data.split.Fold
import mlpkit.data.split.RowOrder
import mlpkit.data.split.ScikitLearnFolds
import mlpkit.data.split.kFoldIndices
import org.apache.commons.math3.random.RandomGenerator

/**
 * How cross-validation cuts the rows into folds: [split] gives the folds of `rows` rows, `labels` being each row's
 * class for a classifier (the folds may stratify by it) or null for a regressor. [crossValidate], [GridSearch] and
 * [RandomSearch] take one; the default is [kFold], scikit-learn's `cv=k`. [stratifiedKFold], [unstratifiedKFold],
 * [repeatedStratifiedKFold] and [repeatedKFold] are scikit-learn's splitters of those names index for index, shuffled
 * too (data's numpy-exact `ScikitLearnFolds`): `crossValidate(clf, x, y, cv = FoldSplitter.stratifiedKFold(5, shuffle =
 * true, randomState = 0))` is `cross_validate(clf, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=0))`. As
 * with an int `random_state` in scikit-learn, every call to [split] starts a new `RandomState(randomState)`, so it
 * gives the same folds each time.
 */
fun interface FoldSplitter {
    /** The folds of [rows] rows; [labels] holds each row's class (classifiers) or is null (regressors). */
    fun split(rows: Int, labels: IntArray?): List<Fold>

    companion object {
        /** scikit-learn's default number of folds (`cv=5`). */
        const val DEFAULT_FOLDS = 5

        /**
         * scikit-learn's `cv=folds`: unshuffled `StratifiedKFold(folds)` when there are labels (classifiers), else
         * unshuffled `KFold(folds)`; both exactly scikit-learn's test folds (data's `kFoldIndices` in the rows' order).
         */
        @JvmStatic
        fun kFold(folds: Int): FoldSplitter = FoldSplitter { rows, labels ->
            kFoldIndices(rows, folds, RowOrder.AsGiven, labels?.let { ClassLabels(it) }, "X")
        }

        /**
         * scikit-learn's `StratifiedKFold(folds, shuffle=shuffle, random_state=randomState)`: every fold keeps the
         * classes' proportions. Needs class labels (a classifier); [randomState] is required when [shuffle] and refused
         * without it, as scikit-learn refuses it.
         */
        @JvmStatic
        @JvmOverloads
        fun stratifiedKFold(folds: Int, shuffle: Boolean = false, randomState: Long? = null): FoldSplitter {
            checkShuffle("stratifiedKFold", shuffle, randomState)
            return FoldSplitter { _, labels ->
                requireNotNull(labels) {
                    "stratifiedKFold needs class labels to stratify by, but the targets are real values (a regressor): use unstratifiedKFold"
                }
                ScikitLearnFolds.stratifiedKFold(labels, folds, randomState?.let(::RandomState))
            }
        }

        /**
         * scikit-learn's `KFold(folds, shuffle=shuffle, random_state=randomState)`: consecutive runs of the (shuffled)
         * rows, never stratified, even for a classifier (where [kFold] stratifies, as `cv=folds` does).
         */
        @JvmStatic
        @JvmOverloads
        fun unstratifiedKFold(folds: Int, shuffle: Boolean = false, randomState: Long? = null): FoldSplitter {
            checkShuffle("unstratifiedKFold", shuffle, randomState)
            return FoldSplitter { rows, _ -> ScikitLearnFolds.kFold(rows, folds, randomState?.let(::RandomState)) }
        }

        /** scikit-learn's `RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=randomState)`: repeats × folds folds. */
        @JvmStatic
        fun repeatedStratifiedKFold(folds: Int, repeats: Int, randomState: Long): FoldSplitter = FoldSplitter { rows, labels ->
            requireNotNull(labels) {
                "repeatedStratifiedKFold needs class labels to stratify by, but the targets are real values (a regressor): use repeatedKFold"
            }
            ScikitLearnFolds.repeated(rows, folds, repeats, randomState, labels)
        }

        /** scikit-learn's `RepeatedKFold(n_splits=folds, n_repeats=repeats, random_state=randomState)`: never stratified. */
        @JvmStatic
        fun repeatedKFold(folds: Int, repeats: Int, randomState: Long): FoldSplitter =
            FoldSplitter { rows, _ -> ScikitLearnFolds.repeated(rows, folds, repeats, randomState, null) }

        /**
         * Shuffled k-fold (stratified when there are labels): the rows are visited in a permutation drawn from
         * [random] before they are dealt to the folds. The same distribution as scikit-learn's `shuffle=True`, not its
         * random numbers (use [stratifiedKFold] or [unstratifiedKFold] for those). Each call to [split] draws a new
         * permutation (the repeats of [crossValidate]).
         */
        @JvmStatic
        fun shuffledKFold(folds: Int, random: RandomGenerator): FoldSplitter = FoldSplitter { rows, labels ->
            kFoldIndices(rows, folds, RowOrder.Shuffled(random), labels?.let { ClassLabels(it) }, "X")
        }

        /** scikit-learn's rule: a shuffled split needs a random state (no global generator here), an unshuffled one refuses it. */
        private fun checkShuffle(splitter: String, shuffle: Boolean, randomState: Long?) {
            require(!shuffle || randomState != null) {
                "$splitter(shuffle = true) needs a randomState (a whole number, numpy's random_state): mlpkit has no global generator to draw from"
            }
            require(shuffle || randomState == null) {
                "$splitter got randomState = $randomState with shuffle = false: the random state has no effect unless shuffle = true (scikit-learn refuses this too)"
            }
        }
    }
}
