package mlpkit.estimator

import mlpkit.data.ClassLabels
import mlpkit.data.split.Fold
import mlpkit.data.split.RowOrder
import mlpkit.data.split.kFoldIndices
import org.apache.commons.math3.random.RandomGenerator

/**
 * How cross-validation cuts the rows into folds: [split] gives the folds of `rows` rows, `labels` being each row's
 * class for a classifier (the folds may stratify by it) or null for a regressor. [crossValidate], [GridSearch] and
 * [RandomSearch] take one; the default is [kFold], scikit-learn's `cv=k`.
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
         * Shuffled k-fold (stratified when there are labels): the rows are visited in a permutation drawn from
         * [random] before they are dealt to the folds. The same distribution as scikit-learn's `shuffle=True`, not its
         * random numbers. Each call to [split] draws a new permutation (the repeats of [crossValidate]).
         */
        @JvmStatic
        fun shuffledKFold(folds: Int, random: RandomGenerator): FoldSplitter = FoldSplitter { rows, labels ->
            kFoldIndices(rows, folds, RowOrder.Shuffled(random), labels?.let { ClassLabels(it) }, "X")
        }
    }
}
