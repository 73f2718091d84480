package mlpkit.core.distributed;

import java.io.Serializable;
import java.util.List;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.onnx.OnnxGraph;

/**
 * A per-column affine map in a fixed order of roundings, x ↦ ((x − subtract) / divide) · multiply + add, each step
 * left out when its array is null. It reproduces a stored scaling bit for bit on any JVM: standard scaling is
 * (subtract, divide), min-max scaling (multiply, add), their inverses (multiply, add) and (subtract, divide),
 * pixel scaling v / 255 is (divide) and v / 127.5 − 1 is (divide, add −1).
 */
public final class ColumnAffine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int columns;
    private final double[] subtract;
    private final double[] divide;
    private final double[] multiply;
    private final double[] add;

    /** The map on {@code columns} columns; each array has one value per column, or is null for no such step. */
    public ColumnAffine(int columns, double[] subtract, double[] divide, double[] multiply, double[] add) {
        if (columns < 1) {
            throw new IllegalArgumentException("an affine map of columns expected at least 1 column, got " + columns);
        }
        this.columns = columns;
        this.subtract = checked("subtract", subtract, columns);
        this.divide = checked("divide", divide, columns);
        this.multiply = checked("multiply", multiply, columns);
        this.add = checked("add", add, columns);
    }

    private static double[] checked(String step, double[] values, int columns) {
        if (values == null) {
            return null;
        }
        if (values.length != columns) {
            throw new IllegalArgumentException("the '" + step + "' step of an affine map of " + columns + " columns expected "
                    + columns + " values, got " + values.length);
        }
        return values.clone();
    }

    public int columns() {
        return columns;
    }

    /**
     * Writes the map into an ONNX graph as Sub, Div, Mul and Add nodes (those of its steps that are present, in
     * this order) with one constant per column, reading the value named {@code input}; returns its output's name.
     */
    public String toOnnx(OnnxGraph graph, String input) {
        String x = input;
        if (subtract != null) {
            x = graph.node("Sub", List.of(x, graph.vector("subtract", subtract)));
        }
        if (divide != null) {
            x = graph.node("Div", List.of(x, graph.vector("divide", divide)));
        }
        if (multiply != null) {
            x = graph.node("Mul", List.of(x, graph.vector("multiply", multiply)));
        }
        if (add != null) {
            x = graph.node("Add", List.of(x, graph.vector("add", add)));
        }
        return x;
    }

    /** Maps the first {@code rows} rows of {@code matrix} (exactly {@link #columns()} columns) in place. */
    public void applyInPlace(DenseMatrix matrix, int rows) {
        if (matrix.getColumnDimension() != columns || rows < 0 || rows > matrix.getRowDimension()) {
            throw new IllegalArgumentException("an affine map of " + columns + " columns cannot map " + rows + " rows of a "
                    + matrix.getRowDimension() + " × " + matrix.getColumnDimension() + " matrix");
        }
        double[] data = matrix.data();
        int start = matrix.offset();
        for (int r = 0; r < rows; r++) {
            int row = start + r * columns;
            for (int j = 0; j < columns; j++) {
                double x = data[row + j];
                if (subtract != null) {
                    x -= subtract[j];
                }
                if (divide != null) {
                    x /= divide[j];
                }
                if (multiply != null) {
                    x *= multiply[j];
                }
                if (add != null) {
                    x += add[j];
                }
                data[row + j] = x;
            }
        }
    }
}
