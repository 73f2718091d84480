package mlpkit.data.split

/**
 * The rows of a data set that went into each part, in the order the split visited them (shuffled
 * order, or ascending when unshuffled). Kept so that a run can record exactly which rows it trained,
 * validated and tested on. An empty array means that part was not asked for.
 */
class SplitIndices(val train: IntArray, val validation: IntArray, val test: IntArray) {
    override fun toString(): String = "SplitIndices(train ${train.size}, validation ${validation.size}, test ${test.size})"
}
