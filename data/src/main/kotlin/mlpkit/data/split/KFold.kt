package mlpkit.data.split

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset

/** The [folds] folds of a k-fold over this data set, rows visited in [order] (see [kFoldIndices]). */
fun Dataset.kFold(folds: Int, order: RowOrder, stratify: Boolean = false): List<Fold> =
    kFoldIndices(size, folds, order, if (stratify) stratificationLabels(this, "k-fold") else null, name)

/**
 * Row indices of a k-fold over [rows] rows (a set named [setName] in errors).
 *
 * Without [stratifyBy] the rows, in [order], are cut into [folds] consecutive runs; the first
 * `rows % folds` runs have one row more (scikit-learn's `KFold` sizes). With [stratifyBy] each fold
 * gets each class as scikit-learn's `StratifiedKFold` gives it: the labels, numbered by first
 * appearance and sorted, are dealt round-robin to the folds to decide how many rows of each class
 * each fold gets, and each class's rows, in [order], fill fold 0 first, then fold 1, …. Unshuffled,
 * both give exactly scikit-learn's folds (shuffle=False). Shuffled, this permutes the rows rather
 * than scikit-learn's fold assignment: the same distribution, not its random numbers.
 */
fun kFoldIndices(rows: Int, folds: Int, order: RowOrder, stratifyBy: ClassLabels? = null, setName: String = "data set"): List<Fold> {
    require(folds >= 2) { "'$setName': a k-fold needs at least 2 folds, got $folds" }
    require(folds <= rows) {
        "'$setName': $folds folds need at least $folds rows (one per fold), but the set has $rows: use at most $rows folds"
    }
    require(stratifyBy == null || stratifyBy.size == rows) {
        "'$setName' has $rows rows but ${stratifyBy?.size} class labels to stratify by: pass the labels of the same set"
    }
    val visit = order.rowsInOrder(rows)
    val foldOf = IntArray(rows)
    if (stratifyBy == null) {
        var position = 0
        for (f in 0 until folds) {
            val foldSize = rows / folds + if (f < rows % folds) 1 else 0
            repeat(foldSize) { foldOf[visit[position++]] = f }
        }
    } else {
        val classOf = classesByFirstAppearance(stratifyBy.labels)
        val classCount = (classOf.maxOrNull() ?: -1) + 1
        val sorted = classOf.sortedArray()
        // allocation[f][c]: rows of class c in fold f = how many c's land on fold f when dealing `sorted` round-robin.
        val allocation = Array(folds) { IntArray(classCount) }
        sorted.forEachIndexed { i, c -> allocation[i % folds][c]++ }
        val nextFold = IntArray(classCount)
        for (row in visit) {
            val c = classOf[row]
            while (allocation[nextFold[c]][c] == 0) nextFold[c]++
            allocation[nextFold[c]][c]--
            foldOf[row] = nextFold[c]
        }
    }
    return (0 until folds).map { f ->
        Fold(f, train = visit.filter { foldOf[it] != f }.toIntArray(), validation = visit.filter { foldOf[it] == f }.toIntArray())
    }
}

/** Labels renumbered 0, 1, … in the order each first occurs (as `StratifiedKFold` encodes them). */
private fun classesByFirstAppearance(labels: IntArray): IntArray {
    val code = HashMap<Int, Int>()
    return IntArray(labels.size) { code.getOrPut(labels[it]) { code.size } }
}
