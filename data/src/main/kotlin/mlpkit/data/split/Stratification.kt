package mlpkit.data.split

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.Targets

/** The class labels of [dataset] for a stratified split or k-fold, or an error saying why it cannot be stratified. */
internal fun stratificationLabels(dataset: Dataset, what: String): ClassLabels = stratificationLabels(dataset.targets, dataset.name, what)

/**
 * The class labels of [targets] (of the set [setName]) for a stratified [what] (split, k-fold), or an error saying why
 * they cannot be stratified.
 */
fun stratificationLabels(targets: Targets, setName: String, what: String): ClassLabels =
    targets as? ClassLabels ?: throw IllegalArgumentException(
        "'$setName' has real-valued (regression) targets, so it cannot be stratified: a stratified $what " +
            "keeps class proportions and needs class labels; use stratify = false",
    )

/**
 * Splits [total] rows among classes in proportion to their sizes [classSizes] (which add up to
 * [allRows]) by the largest-remainder method, never giving a class more than its [capacity]:
 * class c gets ⌊classSizes[c] · total / allRows⌋ rows, and the rows still unassigned go one each to
 * the classes with the largest remainders (exact integer arithmetic; ties to the larger class, then
 * to the lower label). When capacities bind, further rounds go on in the same order.
 */
internal fun apportion(total: Int, classSizes: IntArray, allRows: Int, capacity: IntArray): IntArray {
    val classes = classSizes.size
    val allocation = IntArray(classes)
    val remainder = LongArray(classes)
    for (c in 0 until classes) {
        val product = classSizes[c].toLong() * total
        val whole = (product / allRows).toInt()
        allocation[c] = minOf(whole, capacity[c])
        remainder[c] = if (whole > capacity[c]) -1 else product % allRows
    }
    var left = total - allocation.sum()
    val ranked = (0 until classes).sortedWith(
        compareByDescending<Int> { remainder[it] }.thenByDescending { classSizes[it] }.thenBy { it },
    )
    while (left > 0) {
        var gave = false
        for (c in ranked) {
            if (left == 0) break
            if (allocation[c] < capacity[c]) {
                allocation[c]++
                left--
                gave = true
            }
        }
        check(gave) { "cannot place $total rows in classes with capacities ${capacity.toList()}" }
    }
    return allocation
}
