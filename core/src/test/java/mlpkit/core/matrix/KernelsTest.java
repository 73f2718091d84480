package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import mlpkit.core.TestData;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KernelsTest {
    /** Shapes around the register block (4), the depth block (256) and the column block (512). */
    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"1,1,1", "3,5,2", "4,4,4", "7,9,13", "64,784,128", "5,300,3", "9,3,530", "2,257,1"})
    void everyProductAgreesWithCommonsMathsProductForAnyShape(int m, int k, int n) {
        MersenneTwister rng = new MersenneTwister(m * 1000 + k * 10 + n);
        DenseMatrix a = TestData.gaussian(rng, m, k);
        DenseMatrix b = TestData.gaussian(rng, k, n);
        RealMatrix expected = new Array2DRowRealMatrix(a.getData()).multiply(new Array2DRowRealMatrix(b.getData()));
        double tolerance = 1e-12 * k;

        DenseMatrix c = new DenseMatrix(m, n);
        Kernels.multiply(a, b, c, false);
        assertClose(expected, c, tolerance);

        DenseMatrix aT = (DenseMatrix) a.transpose();
        DenseMatrix viaTransposeA = new DenseMatrix(m, n);
        Kernels.multiplyTransposeA(aT, b, viaTransposeA, false);
        assertClose(expected, viaTransposeA, tolerance);

        DenseMatrix bT = (DenseMatrix) b.transpose();
        DenseMatrix viaTransposeB = new DenseMatrix(m, n);
        Kernels.multiplyTransposeB(a, bT, viaTransposeB, false);
        assertClose(expected, viaTransposeB, tolerance);

        // accumulate = true adds the product to what the output holds
        Kernels.multiply(a, b, c, true);
        assertClose(expected.scalarMultiply(2), c, 2 * tolerance);
        Kernels.multiplyTransposeA(aT, b, viaTransposeA, true);
        assertClose(expected.scalarMultiply(2), viaTransposeA, 2 * tolerance);
        Kernels.multiplyTransposeB(a, bT, viaTransposeB, true);
        assertClose(expected.scalarMultiply(2), viaTransposeB, 2 * tolerance);
    }

    private static void assertClose(RealMatrix expected, DenseMatrix actual, double tolerance) {
        for (int i = 0; i < expected.getRowDimension(); i++) {
            assertArrayEquals(expected.getRow(i), actual.getRow(i), tolerance, "row " + i);
        }
    }

    @Test
    void productsWorkOnViewsAtAnOffsetOfASharedArray() {
        double[] shared = {99, 1, 2, 3, 4, 5, 6, 99};
        DenseMatrix a = new DenseMatrix(2, 3, shared, 1);      // [[1,2,3],[4,5,6]]
        DenseMatrix b = DenseMatrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}});
        double[] out = new double[6];
        DenseMatrix c = new DenseMatrix(2, 2, out, 2);
        Kernels.multiply(a, b, c, false);
        assertArrayEquals(new double[]{0, 0, 4, 5, 10, 11}, out, 0.0);
    }

    @Test
    void incompatibleShapesAreRejectedWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.multiply(new DenseMatrix(2, 3), new DenseMatrix(4, 5), new DenseMatrix(2, 5), false));
        assertEquals("a·b: incompatible operands: a is 2×3 and b is 4×5 (a's columns must equal b's rows)", e.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> Kernels.multiplyTransposeB(new DenseMatrix(2, 3), new DenseMatrix(4, 3), new DenseMatrix(2, 3), false));
        assertEquals("a·bᵀ: the output must be 2×4 but is 2×3; a is 2×3 and b is 4×3 (a and b must have the same number "
                + "of columns)", out.getMessage());
    }

    @Test
    void biasBroadcastAndColumnSumsAreExact() {
        DenseMatrix m = DenseMatrix.of(new double[][]{{1, 2}, {3, 4}, {5, 6}});
        Kernels.addRowVector(m, new double[]{7, 10, 20}, 1);
        assertArrayEquals(new double[]{11, 22}, m.getRow(0), 0.0);
        assertArrayEquals(new double[]{15, 26}, m.getRow(2), 0.0);
        double[] sums = {1, 1, 1};
        Kernels.columnSums(m, sums, 1, false);
        assertArrayEquals(new double[]{1, 11 + 13 + 15, 22 + 24 + 26}, sums, 0.0);
        Kernels.columnSums(m, sums, 1, true);
        assertArrayEquals(new double[]{1, 2 * 39, 2 * 72}, sums, 0.0);
    }
}
