package mlpkit.estimator

import mlpkit.data.random.RandomState
import kotlin.math.ceil

/**
 * The rows early stopping holds out, as scikit-learn's `train_test_split(X, y, test_size=validation_fraction,
 * random_state=rs)` without stratification (its `ShuffleSplit`): `permutation = rs.permutation(n)`, the first
 * ceil(fraction · n) rows of it are the validation rows and the rest the training rows, in permutation order.
 * (scikit-learn stratifies a classifier's split; mlpkit does not yet, so a classifier's split differs from it.)
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
            val permutation = random.permutation(rows)
            return ValidationSplit(permutation.copyOfRange(held, rows), permutation.copyOfRange(0, held))
        }
    }
}
