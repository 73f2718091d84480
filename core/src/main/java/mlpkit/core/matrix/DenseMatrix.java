package mlpkit.core.matrix;

import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A dense matrix over a flat row-major {@code double[]}: entry (i, j) is {@code data[offset + i * cols + j]}.
 *
 * <p>This is the type layers compute with. It is a Commons Math {@link RealMatrix}, so it can be passed
 * to any Commons Math API, but its storage is exposed ({@link #data()}, {@link #offset()}) so that
 * {@link Kernels} can run cache-friendly loops on it. Several matrices may view slices of one array:
 * a network keeps all its weights and biases in one flat parameter array and each layer's {@code W}
 * is a view into it.
 */
public final class DenseMatrix extends AbstractRealMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;
    private final int offset;

    /** A zero matrix. */
    public DenseMatrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)], 0);
    }

    /** Wraps {@code data} (row-major, not copied). */
    public DenseMatrix(int rows, int cols, double[] data) {
        this(rows, cols, data, 0);
    }

    /** A view of {@code rows × cols} entries of {@code data} starting at {@code offset} (not copied). */
    public DenseMatrix(int rows, int cols, double[] data, int offset) {
        checkedSize(rows, cols);
        if (offset < 0 || (long) offset + (long) rows * cols > data.length) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " view at offset " + offset
                    + " needs " + ((long) offset + (long) rows * cols) + " entries, but the array holds "
                    + data.length + ": pass a larger array or a smaller shape");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.offset = offset;
    }

    /** A copy of a row-major 2-D array; every row must have the same length. */
    public static DenseMatrix of(double[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        DenseMatrix m = new DenseMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length
                        + " entries but row 0 has " + cols + ": every row must have the same length");
            }
            System.arraycopy(values[i], 0, m.data, i * cols, cols);
        }
        return m;
    }

    /** {@code matrix} itself when it is already a DenseMatrix, otherwise a dense copy (converted once). */
    public static DenseMatrix of(RealMatrix matrix) {
        if (matrix instanceof DenseMatrix dense) {
            return dense;
        }
        int rows = matrix.getRowDimension();
        int cols = matrix.getColumnDimension();
        DenseMatrix m = new DenseMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[i * cols + j] = matrix.getEntry(i, j);
            }
        }
        return m;
    }

    /** A column vector (n × 1) holding a copy of {@code values}. */
    public static DenseMatrix column(double... values) {
        return new DenseMatrix(values.length, 1, values.clone());
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix dimensions must be ≥ 0, got " + rows + "×" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix has " + size
                    + " entries, more than one Java array can hold: use smaller batches");
        }
        return (int) size;
    }

    /** The backing array (shared, not a copy). */
    public double[] data() {
        return data;
    }

    /** Index in {@link #data()} of entry (0, 0). */
    public int offset() {
        return offset;
    }

    /** Number of entries, rows × columns. */
    public int size() {
        return rows * cols;
    }

    /** Same data viewed with another number of rows (at most what the backing array holds from the offset). */
    public DenseMatrix withRows(int newRows) {
        return newRows == rows ? this : new DenseMatrix(newRows, cols, data, offset);
    }

    @Override
    public int getRowDimension() {
        return rows;
    }

    @Override
    public int getColumnDimension() {
        return cols;
    }

    @Override
    public DenseMatrix createMatrix(int rowDimension, int columnDimension) {
        return new DenseMatrix(rowDimension, columnDimension);
    }

    @Override
    public DenseMatrix copy() {
        double[] copy = new double[rows * cols];
        System.arraycopy(data, offset, copy, 0, copy.length);
        return new DenseMatrix(rows, cols, copy);
    }

    @Override
    public double getEntry(int row, int column) {
        return data[index(row, column)];
    }

    @Override
    public void setEntry(int row, int column, double value) {
        data[index(row, column)] = value;
    }

    @Override
    public void addToEntry(int row, int column, double increment) {
        data[index(row, column)] += increment;
    }

    @Override
    public void multiplyEntry(int row, int column, double factor) {
        data[index(row, column)] *= factor;
    }

    @Override
    public double[] getRow(int row) {
        double[] out = new double[cols];
        System.arraycopy(data, index(row, 0), out, 0, cols);
        return out;
    }

    @Override
    public double[][] getData() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, offset + i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** Matrix product through {@link Kernels#multiply}; the argument is converted once if it is not dense. */
    @Override
    public DenseMatrix multiply(RealMatrix m) {
        DenseMatrix other = of(m);
        DenseMatrix out = new DenseMatrix(rows, other.cols);
        Kernels.multiply(this, other, out, false);
        return out;
    }

    private int index(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= cols) {
            throw new IndexOutOfBoundsException("entry (" + row + ", " + column + ") is outside a "
                    + rows + "×" + cols + " matrix");
        }
        return offset + row * cols + column;
    }
}
