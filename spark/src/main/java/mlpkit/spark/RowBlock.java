package mlpkit.spark;

import java.io.Serializable;
import mlpkit.core.matrix.DenseMatrix;

/**
 * Consecutive training rows as the workers hold them: features and encoded targets row-major, so that a forward
 * pass works on a matrix, and optionally one weight per row. A plain {@link Serializable} class (not a record), which
 * Spark's bundled Kryo can also ship.
 */
public final class RowBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int inputs;
    private final int outputs;
    private final double[] x;
    private final double[] y;
    private final double[] weights;

    /**
     * @param x       rows × inputs features, row-major (not copied)
     * @param y       rows × outputs encoded targets, row-major (not copied)
     * @param weights one weight per row, or null
     */
    public RowBlock(int rows, int inputs, int outputs, double[] x, double[] y, double[] weights) {
        if (rows < 1 || x.length != rows * inputs || y.length != rows * outputs || (weights != null && weights.length != rows)) {
            throw new IllegalArgumentException("a block of " + rows + " rows with " + inputs + " inputs and " + outputs
                    + " outputs expected " + rows * inputs + " features, " + rows * outputs + " targets and " + rows
                    + " or no weights, got " + x.length + ", " + y.length + " and " + (weights == null ? "no" : weights.length));
        }
        this.rows = rows;
        this.inputs = inputs;
        this.outputs = outputs;
        this.x = x;
        this.y = y;
        this.weights = weights;
    }

    public int rows() {
        return rows;
    }

    /** The features as a matrix view (no copy). */
    public DenseMatrix x() {
        return new DenseMatrix(rows, inputs, x);
    }

    /** The encoded targets as a matrix view (no copy). */
    public DenseMatrix y() {
        return new DenseMatrix(rows, outputs, y);
    }

    /** The row weights (live), or null. */
    public double[] weights() {
        return weights;
    }

    /** Copies the features into row {@code at} onwards of {@code out}'s row-major array of {@code inputs} columns. */
    void copyX(double[] out, int at) {
        System.arraycopy(x, 0, out, at * inputs, x.length);
    }

    /** Copies the targets into row {@code at} onwards of {@code out}'s row-major array of {@code outputs} columns. */
    void copyY(double[] out, int at) {
        System.arraycopy(y, 0, out, at * outputs, y.length);
    }

    /** Copies the weights into {@code out} from index {@code at}. */
    void copyWeights(double[] out, int at) {
        System.arraycopy(weights, 0, out, at, rows);
    }
}
