package mlpkit.dsl.train

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.batch.TargetEncoding
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** A training chunk counts its correct rows (for accuracy) as predicted(r) == label(r) row by row would. */
class EvaluatedChunkTest {
    private fun rowByRow(chunk: EvaluatedChunk) = (0 until chunk.rows()).count { chunk.predicted(it) == chunk.label(it) }

    @Test
    fun `a single output against 0-1 targets counts the rows whose thresholded output equals the target, NaN as class 0`() {
        // outputs: 0.9 (1), 0.5 (1: the threshold predicts 1), 0.4999 (0), NaN (0), 0.2 (0); the 5th row is not in the chunk
        val outputs = DenseMatrix(6, 1, doubleArrayOf(0.9, 0.5, 0.4999, Double.NaN, 0.2, 0.9))
        val targets = DenseMatrix(6, 1, doubleArrayOf(1.0, 0.0, 0.0, 0.0, 1.0, 0.0))
        val chunk = EvaluatedChunk(TargetEncoding.BINARY_COLUMN).set(5, 0.0, outputs, targets, null, 0)
        assertEquals(3, chunk.correct())   // rows 0, 2 and 3
        assertEquals(rowByRow(chunk), chunk.correct())
    }

    @Test
    fun `one output per class and given labels are counted row by row`() {
        val outputs = DenseMatrix(3, 3, doubleArrayOf(0.1, 0.7, 0.2, 0.5, 0.5, 0.0, 0.2, 0.3, 0.5))
        val targets = DenseMatrix(3, 3, doubleArrayOf(0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0))
        val oneHot = EvaluatedChunk(TargetEncoding.ONE_HOT).set(3, 0.0, outputs, targets, null, 0)
        assertEquals(2, oneHot.correct())   // rows 0 and 2; row 1 ties and takes the first class
        val labelled = EvaluatedChunk(TargetEncoding.ONE_HOT).set(3, 0.0, outputs, targets, intArrayOf(9, 1, 2, 1), 1)
        assertEquals(1, labelled.correct())   // labels 1, 2, 1 from offset 1: only row 0
        assertEquals(rowByRow(labelled), labelled.correct())
    }
}
