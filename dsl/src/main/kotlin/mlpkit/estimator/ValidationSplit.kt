package mlpkit.estimator

import mlpkit.data.random.RandomState
import mlpkit.data.split.ShuffleSplit
import kotlin.math.ceil

/**
 * The rows early stopping holds out, as scikit-learn's `train_test_split(X, y, test_size=validation_fraction,
 * random_state=rs)` without stratification (its `ShuffleSplit`): `permutation = rs.permutation(n)`, the first
 * ceil(fraction · n) rows of it are the validation rows and the rest the training rows, in permutation order.
 * A binary classifier's split is stratified as scikit-learn's ([stratified]); with more classes scikit-learn's
 * `n_outputs_` exceeds 1 and it does not stratify either.
 */
internal class ValidationSplit(val train: IntArray, val validation: IntArray) {
    companion object {
        /** The split of [rows] rows with [fraction] held out, drawn from [random]. */
        fun of(rows: Int, fraction: Double, random: RandomState): ValidationSplit {
            val held = ceil(fraction * rows).toInt()
            require(held in 1 until rows) {
                "early_stopping holds out validation_fraction = $fraction of $rows rows, which leaves $held validation and " +
                    "${rows - held} training rows; expected at least 1 of each: give more rows or another validation_fraction"
            }
            // train_test_split's rows: data's ShuffleSplit with the validation rows as its test part.
            val indices = ShuffleSplit.indices(rows, fraction, 0.0, random, "the training rows")
            return ValidationSplit(indices.train, indices.test)
        }

        /**
         * scikit-learn's `StratifiedShuffleSplit` (train_test_split with `stratify=y`) of [labels] (class indices, in
         * the order of the sorted classes) with [fraction] held out: per class the share of training and validation
         * rows by `_approximate_mode` (ties of the remainders broken by [random]), each class's rows permuted, then the
         * training and the validation rows each permuted once more.
         */
        fun stratified(labels: IntArray, fraction: Double, random: RandomState): ValidationSplit {
            val rows = labels.size
            val held = ceil(fraction * rows).toInt()
            require(held in 1 until rows) {
                "early_stopping holds out validation_fraction = $fraction of $rows rows, which leaves $held validation and " +
                    "${rows - held} training rows; expected at least 1 of each: give more rows or another validation_fraction"
            }
            val classes = (labels.maxOrNull() ?: -1) + 1
            val counts = IntArray(classes).also { c -> labels.forEach { c[it]++ } }
            require(counts.all { it >= 2 }) {
                "early_stopping splits the classes in proportion, which needs at least 2 rows of each class, but the class counts " +
                    "are ${counts.toList()}: give more rows of the rare classes or set early_stopping=False"
            }
            require(held >= classes && rows - held >= classes) {
                "early_stopping's stratified split needs at least $classes validation and training rows (one per class), but " +
                    "validation_fraction = $fraction of $rows rows gives ${rows - held} and $held: choose another validation_fraction"
            }
            val members = Array(classes) { k -> labels.indices.filter { labels[it] == k }.toIntArray() }
            val trainCounts = approximateMode(counts, rows - held, random)
            val validationCounts = approximateMode(IntArray(classes) { counts[it] - trainCounts[it] }, held, random)
            val train = ArrayList<Int>()
            val validation = ArrayList<Int>()
            for (k in 0 until classes) {
                val shuffled = random.permutation(counts[k]).map { members[k][it] }
                train += shuffled.subList(0, trainCounts[k])
                validation += shuffled.subList(trainCounts[k], trainCounts[k] + validationCounts[k])
            }
            val trainRows = train.toIntArray().also { random.shuffle(it) }
            val validationRows = validation.toIntArray().also { random.shuffle(it) }
            return ValidationSplit(trainRows, validationRows)
        }

        /**
         * scikit-learn's `_approximate_mode(class_counts, n_draws, rng)`: floor(count / total · draws) per class, the
         * rows still missing added to the classes of the largest remainders (ties: `rng.choice(inds, replace=False)`).
         */
        private fun approximateMode(counts: IntArray, draws: Int, random: RandomState): IntArray {
            val total = counts.sum().toDouble()
            val continuous = DoubleArray(counts.size) { counts[it] / total * draws }
            val floored = IntArray(counts.size) { kotlin.math.floor(continuous[it]).toInt() }
            var needToAdd = draws - floored.sum()
            val remainder = DoubleArray(counts.size) { continuous[it] - floored[it] }
            for (value in remainder.distinct().sortedDescending()) {
                if (needToAdd <= 0) break
                val inds = remainder.indices.filter { remainder[it] == value }
                val addNow = minOf(inds.size, needToAdd)
                val chosen = random.permutation(inds.size).take(addNow).map { inds[it] }
                for (i in chosen) floored[i]++
                needToAdd -= addNow
            }
            return floored
        }
    }
}
