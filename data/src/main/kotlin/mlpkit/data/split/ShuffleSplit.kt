package mlpkit.data.split

import mlpkit.data.Dataset
import mlpkit.data.random.RandomState
import kotlin.math.ceil

/**
 * scikit-learn's `train_test_split(X, y, test_size=test, random_state=randomState, shuffle=True)`, row for
 * row: numpy's `RandomState(randomState).permutation(rows)`, the first ⌈test · rows⌉ indices of it are the
 * test part and the rest, in permutation order, the train part (`ShuffleSplit._iter_indices`). So an mlpkit
 * run and a scikit-learn script given the same fraction and seed train and test on literally the same rows.
 *
 * mlpkit's extension: a [validation] fraction takes the next ⌈validation · rows⌉ indices after the test
 * part (scikit-learn has no such part; with validation 0 the split is scikit-learn's exactly).
 */
object ShuffleSplit {
    /** The row indices of the split of [rows] rows (a set named [setName] in errors). */
    fun indices(rows: Int, test: Double, validation: Double, randomState: Long, setName: String = "data set"): SplitIndices {
        require(randomState in 0..MAX_SEED) {
            "'$setName': randomState must be between 0 and $MAX_SEED (numpy's seeds), got $randomState"
        }
        return indices(rows, test, validation, RandomState(randomState), setName)
    }

    /**
     * The same split with the permutation drawn from [random] as it stands (scikit-learn's `train_test_split` given a
     * `RandomState` object that has drawn before, as an estimator's early-stopping split is).
     */
    fun indices(rows: Int, test: Double, validation: Double, random: RandomState, setName: String = "data set"): SplitIndices {
        val counts = counts(rows, test, validation, setName)
        val testRows = counts.test
        val validationRows = counts.validation
        val permutation = random.permutation(rows)
        return SplitIndices(
            train = permutation.copyOfRange(testRows + validationRows, rows),
            validation = permutation.copyOfRange(testRows, testRows + validationRows),
            test = permutation.copyOfRange(0, testRows),
        )
    }

    /**
     * The part sizes of the split of [rows] rows, before any row is drawn: test ⌈test · rows⌉, validation
     * ⌈validation · rows⌉, train the rest (scikit-learn rounds the test part up; `PartSizes.Fractions`
     * rounds by largest remainders, so the two can differ by a row). Checks made before the data is loaded
     * predict the parts with this.
     */
    fun counts(rows: Int, test: Double, validation: Double, setName: String = "data set"): PartCounts {
        require(rows > 0) { "'$setName' has no rows to split" }
        for ((part, fraction) in listOf("test" to test, "validation" to validation)) {
            require(fraction.isFinite() && fraction in 0.0..1.0) { "'$setName': the $part fraction must be between 0 and 1, got $fraction" }
        }
        val testRows = ceil(test * rows).toInt()
        val validationRows = ceil(validation * rows).toInt()
        val trainRows = rows - testRows - validationRows
        require(trainRows > 0) {
            "'$setName': test $test (⌈$test × $rows⌉ = $testRows rows) and validation $validation ($validationRows rows) " +
                "leave no rows of $rows for training: use smaller fractions"
        }
        return PartCounts(trainRows, validationRows, testRows, unused = 0)
    }

    /** The largest seed numpy's `RandomState` takes: 2³² − 1. */
    const val MAX_SEED: Long = 0xFFFF_FFFFL
}

/** This data set split at [indices] (as [ShuffleSplit.indices] gives them); the parts are views, as [split]'s. */
fun Dataset.split(indices: SplitIndices): DatasetSplit = DatasetSplit(
    indices,
    train = subset(indices.train, "train"),
    validation = if (indices.validation.isEmpty()) null else subset(indices.validation, "validation"),
    test = if (indices.test.isEmpty()) null else subset(indices.test, "test"),
)
