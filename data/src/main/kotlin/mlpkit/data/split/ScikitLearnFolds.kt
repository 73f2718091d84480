package mlpkit.data.split

import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's cross-validation folds, index for index: `KFold`, `StratifiedKFold` and their repeated
 * forms, drawn from data's numpy-exact [RandomState]. Each [Fold]'s rows are ascending, as scikit-learn's
 * `split` yields them (it turns a fold's rows into a mask, then back into indices).
 *
 * - `KFold(k, shuffle)`: `arange(n)`, shuffled by `RandomState.shuffle` when [random] is given, cut into k
 *   consecutive runs; the first `n % k` runs have one row more.
 * - `StratifiedKFold(k, shuffle)`: classes numbered by first appearance; sorting those numbers and dealing them
 *   round-robin to the k folds gives how many rows of each class each fold holds; class by class (in that
 *   numbering) the fold numbers `0…0 1…1 …` of its rows are shuffled by [random] when given, and the class's rows,
 *   in stored order, take them.
 * - `RepeatedKFold` / `RepeatedStratifiedKFold(k, r, random_state)`: one `RandomState(random_state)` drives all r
 *   repeats in turn (each repeat shuffles with the generator where the previous one left it).
 */
object ScikitLearnFolds {
    /** `KFold(folds, shuffle = random != null).split` over [rows] rows; [random] is advanced (null: unshuffled). */
    fun kFold(rows: Int, folds: Int, random: RandomState?): List<Fold> {
        checkFolds(rows, folds)
        val order = IntArray(rows) { it }
        random?.shuffle(order)
        val foldOf = IntArray(rows)
        var position = 0
        for (f in 0 until folds) {
            repeat(rows / folds + if (f < rows % folds) 1 else 0) { foldOf[order[position++]] = f }
        }
        return foldsOf(foldOf, folds)
    }

    /**
     * `StratifiedKFold(folds, shuffle = random != null).split` with class [labels] (any int codes); [random] is
     * advanced (null: unshuffled). As scikit-learn, an error only when every class has fewer rows than [folds]
     * (scikit-learn warns when some class has); a caller that refuses that checks the class sizes first.
     */
    fun stratifiedKFold(labels: IntArray, folds: Int, random: RandomState?): List<Fold> {
        checkFolds(labels.size, folds)
        val classOf = byFirstAppearance(labels)
        val classCount = (classOf.maxOrNull() ?: -1) + 1
        val counts = IntArray(classCount).also { c -> classOf.forEach { c[it]++ } }
        require(counts.any { it >= folds }) {
            "$folds stratified folds need a class with at least $folds rows, but the largest class has ${counts.max()}: use at most ${counts.max()} folds"
        }
        // allocation[f][c]: rows of class c in fold f = how many c's land on fold f dealing the sorted classes round-robin.
        val allocation = Array(folds) { IntArray(classCount) }
        classOf.sortedArray().forEachIndexed { i, c -> allocation[i % folds][c]++ }
        val foldOf = IntArray(labels.size)
        for (c in 0 until classCount) {
            val foldsForClass = IntArray(counts[c])
            var position = 0
            for (f in 0 until folds) repeat(allocation[f][c]) { foldsForClass[position++] = f }
            random?.shuffle(foldsForClass)
            position = 0
            for (row in labels.indices) if (classOf[row] == c) foldOf[row] = foldsForClass[position++]
        }
        return foldsOf(foldOf, folds)
    }

    /**
     * `RepeatedKFold` (no [labels]) or `RepeatedStratifiedKFold(n_splits = folds, n_repeats = repeats,
     * random_state = randomState).split`: [repeats] × [folds] folds, numbered 0, 1, … across the repeats.
     */
    fun repeated(rows: Int, folds: Int, repeats: Int, randomState: Long, labels: IntArray? = null): List<Fold> {
        require(repeats >= 1) { "a repeated k-fold needs at least 1 repeat, got $repeats" }
        require(labels == null || labels.size == rows) { "$rows rows but ${labels?.size} labels to stratify by: pass the labels of the same rows" }
        val random = RandomState(randomState)
        return (0 until repeats).flatMap { r ->
            val once = if (labels == null) kFold(rows, folds, random) else stratifiedKFold(labels, folds, random)
            once.map { Fold(r * folds + it.number, it.train, it.validation) }
        }
    }

    private fun checkFolds(rows: Int, folds: Int) {
        require(folds >= 2) { "a k-fold needs at least 2 folds, got $folds" }
        require(folds <= rows) { "$folds folds need at least $folds rows (one per fold), but there are $rows: use at most $rows folds" }
    }

    private fun byFirstAppearance(labels: IntArray): IntArray {
        val code = HashMap<Int, Int>()
        return IntArray(labels.size) { code.getOrPut(labels[it]) { code.size } }
    }

    private fun foldsOf(foldOf: IntArray, folds: Int): List<Fold> = (0 until folds).map { f ->
        Fold(f, train = foldOf.indices.filter { foldOf[it] != f }.toIntArray(), validation = foldOf.indices.filter { foldOf[it] == f }.toIntArray())
    }
}
