package mlpkit.estimator

import org.apache.commons.math3.linear.RealMatrix

/** Checks and conversions of the X an estimator is given: `double[][]`, a Commons Math matrix or Kotlin lists. */
internal object Inputs {
    /**
     * The number of rows of [x], after checking that there is at least one, that every row has [features] values
     * (when given; else as many as the first row) and that every value is finite.
     */
    fun requireRows(x: Array<DoubleArray>, features: Int?, estimator: String): Int {
        require(x.isNotEmpty()) { "$estimator: X has 0 rows; expected at least 1 sample" }
        val width = features ?: x[0].size
        require(width >= 1) { "$estimator: X has rows of 0 features; expected at least 1 feature" }
        x.forEachIndexed { i, row ->
            require(row.size == width) {
                if (features != null) {
                    "$estimator: X has ${row.size} features in row $i, but $estimator is expecting $width features as input"
                } else {
                    "$estimator: row $i of X has ${row.size} values, but row 0 has $width: give every row the same features"
                }
            }
            row.forEachIndexed { j, v ->
                require(v.isFinite()) { "$estimator: X[$i][$j] is $v; expected a finite number (remove or impute missing values)" }
            }
        }
        return x.size
    }

    /** A Commons Math matrix as rows. */
    fun rows(x: RealMatrix): Array<DoubleArray> = x.data

    /** Kotlin lists as rows. */
    fun rows(x: List<List<Double>>): Array<DoubleArray> = Array(x.size) { x[it].toDoubleArray() }
}
