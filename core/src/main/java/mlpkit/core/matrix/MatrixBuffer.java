package mlpkit.core.matrix;

/**
 * A reusable matrix of a fixed column count whose row count follows the batch. The backing array only
 * grows, so alternating between full batches and a last partial batch allocates nothing but a small view
 * object when the row count changes.
 */
public final class MatrixBuffer {
    private final int cols;
    private double[] data = new double[0];
    private DenseMatrix view;

    public MatrixBuffer(int cols) {
        this.cols = cols;
    }

    /** A {@code rows × cols} matrix over this buffer's storage; its contents are whatever was there before. */
    public DenseMatrix rows(int rows) {
        if (view != null && view.getRowDimension() == rows) {
            return view;
        }
        if (data.length < rows * cols) {
            data = new double[rows * cols];
        }
        view = new DenseMatrix(rows, cols, data);
        return view;
    }
}
