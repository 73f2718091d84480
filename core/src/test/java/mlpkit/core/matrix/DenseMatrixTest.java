package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class DenseMatrixTest {
    @Test
    void aDenseMatrixIsACommonsMathMatrixOverARowMajorArray() {
        DenseMatrix m = DenseMatrix.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, m.data(), 0.0);
        assertEquals(6.0, m.getEntry(1, 2));
        RealMatrix other = new Array2DRowRealMatrix(new double[][]{{1, 2, 3}, {4, 5, 6}});
        assertEquals(other, m);
        assertEquals(new Array2DRowRealMatrix(new double[][]{{14, 32}, {32, 77}}), m.multiply(m.transpose()));
        assertEquals(21.0, m.walkInOptimizedOrder(new org.apache.commons.math3.linear.DefaultRealMatrixPreservingVisitor() {
            double sum;

            @Override
            public void visit(int row, int column, double value) {
                sum += value;
            }

            @Override
            public double end() {
                return sum;
            }
        }));
    }

    @Test
    void anyRealMatrixIsConvertedOnceAndADenseOneIsUsedAsItIs() {
        DenseMatrix dense = new DenseMatrix(2, 2);
        assertSame(dense, DenseMatrix.of(dense));
        DenseMatrix converted = DenseMatrix.of(new Array2DRowRealMatrix(new double[][]{{1, 2}, {3, 4}}));
        assertArrayEquals(new double[]{1, 2, 3, 4}, converted.data(), 0.0);
    }

    @Test
    void outOfRangeEntriesAndShortArraysAreRejectedWithTheShape() {
        DenseMatrix m = new DenseMatrix(2, 3);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> m.getEntry(2, 0));
        assertEquals("entry (2, 0) is outside a 2×3 matrix", e.getMessage());
        IllegalArgumentException shortArray = assertThrows(IllegalArgumentException.class,
                () -> new DenseMatrix(2, 3, new double[7], 2));
        assertEquals("a 2×3 view at offset 2 needs 8 entries, but the array holds 7: pass a larger array or a smaller shape",
                shortArray.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.of(new double[][]{{1, 2}, {3}}));
        assertEquals("row 1 has 1 entries but row 0 has 2: every row must have the same length", ragged.getMessage());
    }

    @Test
    void aBufferReusesItsStorageWhenTheBatchShrinksAndGrowsBack() {
        MatrixBuffer buffer = new MatrixBuffer(3);
        DenseMatrix full = buffer.rows(64);
        DenseMatrix partial = buffer.rows(10);
        assertSame(full.data(), partial.data());
        assertSame(full.data(), buffer.rows(64).data());
        assertEquals(10, partial.getRowDimension());
    }
}
