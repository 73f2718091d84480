package mlpkit.data.batch

import mlpkit.data.ClassLabels
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets

/** How targets are written into a batch's Y matrix. */
enum class TargetEncoding {
    /** Class labels as one-hot rows, one column per class (softmax outputs). */
    ONE_HOT,

    /** Two-class labels as one column of 0.0 / 1.0 (a single sigmoid output). */
    BINARY_COLUMN,

    /** Class labels as one column holding the label as a number. */
    LABEL_COLUMN,

    /** Regression targets copied as they are, one column per output. */
    VALUES;

    /** Columns of Y for [targets], or an error when this encoding does not fit them. */
    fun columnsFor(targets: Targets): Int = when (targets) {
        is ClassLabels -> when (this) {
            ONE_HOT -> targets.classCount
            BINARY_COLUMN -> {
                require(targets.classCount <= 2) {
                    "a single 0/1 target column needs at most 2 classes, but the set has ${targets.classCount} " +
                        "(${targets.classNames.take(5).joinToString()}…): use ONE_HOT"
                }
                1
            }
            LABEL_COLUMN -> 1
            VALUES -> throw IllegalArgumentException(
                "VALUES copies regression targets, but this set has class labels: use ONE_HOT, BINARY_COLUMN or LABEL_COLUMN",
            )
        }
        is RegressionTargets -> {
            require(this == VALUES) {
                "$this encodes class labels, but this set has real-valued (regression) targets: use VALUES"
            }
            targets.outputs
        }
    }

    companion object {
        /** One-hot for class labels, the values themselves for regression targets. */
        fun defaultFor(targets: Targets): TargetEncoding = when (targets) {
            is ClassLabels -> ONE_HOT
            is RegressionTargets -> VALUES
        }
    }
}
