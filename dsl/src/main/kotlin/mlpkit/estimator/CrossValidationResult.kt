package mlpkit.estimator

import kotlin.math.sqrt
import mlpkit.data.split.Fold

/**
 * What [crossValidate] measured, one entry per fit in order (repeat 0's folds, then repeat 1's, …): [testScores]
 * (scikit-learn's `test_score`), [fitTimes] and [scoreTimes] in seconds, and the [folds] themselves (their training
 * and held-out row indices). [mean] and [std] summarise the scores, [std] as numpy's `.std()` (population: ÷ n).
 */
class CrossValidationResult internal constructor(
    val testScores: DoubleArray,
    val fitTimes: DoubleArray,
    val scoreTimes: DoubleArray,
    val folds: List<Fold>,
    /** What scored the held-out rows. */
    val scoring: Scoring,
) {
    /** The mean test score. */
    val mean: Double get() = mean(testScores)

    /** The population standard deviation of the test scores (numpy's `.std()`, ddof 0). */
    val std: Double get() = std(testScores)

    override fun toString(): String =
        "CrossValidationResult(${testScores.size} fits, $scoring ${"%.4f".format(mean)} ± ${"%.4f".format(std)})"

    internal companion object {
        /** numpy's mean: the sum in order, divided by the count. */
        fun mean(values: DoubleArray): Double = values.sum() / values.size

        /** numpy's population standard deviation: √(mean of squared deviations from the mean). */
        fun std(values: DoubleArray): Double {
            val m = mean(values)
            return sqrt(values.sumOf { (it - m) * (it - m) } / values.size)
        }
    }
}
