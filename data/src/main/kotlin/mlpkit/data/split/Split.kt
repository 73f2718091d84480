package mlpkit.data.split

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset

/**
 * Splits this data set into train / validation / test parts of [sizes], visiting rows in [order].
 *
 * Unshuffled ([RowOrder.AsGiven]) the train part is the first rows, then validation, then test
 * ("first 80 % train, last 20 % test"). With [stratify], each part gets each class in proportion to
 * its share of the whole set (see [splitIndices]). The parts are views: features are not copied.
 */
fun Dataset.split(sizes: PartSizes, order: RowOrder, stratify: Boolean = false): DatasetSplit {
    val labels = if (stratify) stratificationLabels(this, "split") else null
    val indices = splitIndices(size, sizes, order, labels, name)
    return DatasetSplit(
        indices,
        train = subset(indices.train, "train"),
        validation = if (indices.validation.isEmpty()) null else subset(indices.validation, "validation"),
        test = if (indices.test.isEmpty()) null else subset(indices.test, "test"),
    )
}

/**
 * The row indices of a train / validation / test split of [rows] rows (a set named [setName] in
 * errors).
 *
 * Part sizes come from [sizes] exactly. Without [stratifyBy] the rows are taken in [order]: the first
 * ones to train, the next to validation, then test, and any rows a [PartSizes.Counts] leaves over
 * are in no part.
 *
 * With [stratifyBy], the rows of each class are shared out in proportion first, by the largest-remainder
 * method (exact integers): the test part gets ⌊n_c · n_test / n⌋ rows of class c (c having n_c of the
 * n rows), plus one more for the classes with the largest remainders until it has n_test rows (ties to
 * the larger class, then the lower label); validation the same from what is left; the train part takes
 * what remains of each class, so it absorbs the rounding. Then the rows are visited in [order] and
 * each goes to the first part (train, validation, test) that still needs its class. A 70 / 20 / 10
 * class set split 0.6 / 0.2 / 0.2 gives train 42 / 12 / 6 and validation and test 14 / 4 / 2 each.
 * A very small class may get no row in a part; that is not an error.
 */
fun splitIndices(rows: Int, sizes: PartSizes, order: RowOrder, stratifyBy: ClassLabels? = null, setName: String = "data set"): SplitIndices {
    require(rows > 0) { "'$setName' has no rows to split" }
    require(stratifyBy == null || stratifyBy.size == rows) {
        "'$setName' has $rows rows but ${stratifyBy?.size} class labels to stratify by: pass the labels of the same set"
    }
    val counts = sizes.resolve(rows, setName)
    val classCount = stratifyBy?.classCount ?: 1
    val classOf = stratifyBy?.labels ?: IntArray(rows)
    val classSizes = IntArray(classCount).also { sizesByClass -> classOf.forEach { sizesByClass[it]++ } }

    // quota[part][class]: parts in the order rows are handed out (train, validation, test, unused).
    val left = classSizes.copyOf()
    fun take(total: Int): IntArray = apportion(total, classSizes, rows, left).also { taken ->
        for (c in 0 until classCount) left[c] -= taken[c]
    }
    val test = take(counts.test)
    val validation = take(counts.validation)
    val unused = take(counts.unused)
    val quota = arrayOf(left, validation, test, unused)

    val parts = Array(4) { IntArray(quota[it].sum()) }
    val filled = IntArray(4)
    for (row in order.rowsInOrder(rows)) {
        val c = classOf[row]
        val part = (0 until 4).first { quota[it][c] > 0 }
        quota[part][c]--
        parts[part][filled[part]++] = row
    }
    return SplitIndices(train = parts[0], validation = parts[1], test = parts[2])
}
