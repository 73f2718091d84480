package mlpkit.data.split

/**
 * One fold of a k-fold: [validation] holds the rows of fold [number] (0-based), [train] every other
 * row; both in the order the rows were visited (shuffled, or ascending when unshuffled).
 */
class Fold(val number: Int, val train: IntArray, val validation: IntArray) {
    override fun toString(): String = "Fold($number: train ${train.size}, validation ${validation.size})"
}
