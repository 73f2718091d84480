package mlpkit.data.split

import kotlin.math.abs
import kotlin.math.floor

/**
 * How big the train, validation and test parts of a split are: [Fractions] of the rows or row
 * [Counts]. A part of size 0 is not made (no validation set, say); a part asked for with a positive
 * size that would get no rows is an error, never an empty part.
 */
sealed interface PartSizes {
    /**
     * Fractions of the rows. With [train] given the three must add up to 1; with `train = null` the
     * train part takes what validation and test leave (`Fractions(validation = 0.1)` holds out 10 %).
     *
     * Row counts come from the largest-remainder method: each part gets the whole part of
     * `fraction × rows`, and rows still unassigned go one each to the parts with the largest fractional
     * remainders (ties to the part listed first: train, validation, test). 0.8 / 0.2 of 5000 rows is
     * exactly 4000 / 1000; 0.5 / 0.25 / 0.25 of 5 rows is 3 / 1 / 1.
     */
    data class Fractions(val train: Double? = null, val validation: Double = 0.0, val test: Double = 0.0) : PartSizes {
        override fun resolve(rows: Int, setName: String): PartCounts {
            for ((part, fraction) in listOf("train" to train, "validation" to validation, "test" to test)) {
                require(fraction == null || (fraction.isFinite() && fraction in 0.0..1.0)) {
                    "'$setName': the $part fraction must be between 0 and 1, got $fraction"
                }
            }
            val trainFraction = if (train != null) {
                val sum = train + validation + test
                require(abs(sum - 1.0) <= SUM_TOLERANCE) {
                    "'$setName': the fractions train $train + validation $validation + test $test add up to $sum, not 1: " +
                        "adjust them, or leave train out to give it the rest"
                }
                train
            } else {
                val rest = 1.0 - validation - test
                require(rest > SUM_TOLERANCE) {
                    "'$setName': validation $validation + test $test leave no rows for training: make them add up to less than 1"
                }
                rest
            }
            val fractions = doubleArrayOf(trainFraction, validation, test)
            val counts = largestRemainder(rows, fractions)
            for (p in PART_NAMES.indices) {
                require(fractions[p] == 0.0 || counts[p] > 0) {
                    "'$setName': the ${PART_NAMES[p]} part would be empty: ${fractions[p]} of $rows rows is " +
                        "${fractions[p] * rows} rows, which rounds to 0; use a larger fraction, a row count, or 0 for no ${PART_NAMES[p]} part"
                }
            }
            return PartCounts(counts[0], counts[1], counts[2], unused = 0)
        }
    }

    /**
     * Row counts. With `train = null` the train part takes every row validation and test leave; with
     * [train] given, rows beyond `train + validation + test` are left out of every part (to train on a
     * subsample, say).
     */
    data class Counts(val train: Int? = null, val validation: Int = 0, val test: Int = 0) : PartSizes {
        override fun resolve(rows: Int, setName: String): PartCounts {
            require(train == null || train >= 1) {
                "'$setName': the train part needs at least 1 row, got a count of $train"
            }
            require(validation >= 0 && test >= 0) {
                "'$setName': row counts must be ≥ 0, got validation $validation and test $test"
            }
            val held = validation.toLong() + test
            return if (train == null) {
                require(held < rows) {
                    "'$setName': validation $validation + test $test rows leave none of the $rows rows for training: use smaller counts"
                }
                PartCounts(rows - held.toInt(), validation, test, unused = 0)
            } else {
                val total = held + train
                require(total <= rows) {
                    "'$setName': the counts train $train + validation $validation + test $test = $total exceed its $rows rows: use smaller counts"
                }
                PartCounts(train, validation, test, unused = rows - total.toInt())
            }
        }
    }

    /** The row counts of the parts of a set of [rows] rows (named [setName] in errors), checked. */
    fun resolve(rows: Int, setName: String): PartCounts

    private companion object {
        const val SUM_TOLERANCE = 1e-9
        val PART_NAMES = listOf("train", "validation", "test")

        /** [total] split in proportion to [weights] (which add up to 1) by largest remainders; ties to the lower index. */
        fun largestRemainder(total: Int, weights: DoubleArray): IntArray {
            val quotas = DoubleArray(weights.size) { weights[it] * total }
            // The small slack keeps 0.7 × 10 = 6.999999999999999 from losing its row to a rounding error.
            val counts = IntArray(weights.size) { floor(quotas[it] + 1e-9).toInt() }
            var left = total - counts.sum()
            val candidates = weights.indices.filter { weights[it] > 0.0 }.toMutableList()
            while (left > 0 && candidates.isNotEmpty()) {
                var best = candidates[0]
                for (p in candidates) {
                    if (quotas[p] - counts[p] > quotas[best] - counts[best] + 1e-9) best = p
                }
                counts[best]++
                candidates.remove(best)
                left--
            }
            counts[0] += left // never reached for weights adding up to 1; keeps the total exact regardless
            return counts
        }
    }
}

/** Rows per part; [unused] rows are in no part (only with [PartSizes.Counts] that add up to less than the set). */
data class PartCounts(val train: Int, val validation: Int, val test: Int, val unused: Int)
