package mlpkit.core.layer;

/**
 * One named tensor a layer keeps in the network's flat arrays: its shape and whether L2 weight decay applies
 * to it (a dense layer's weights {@code W} yes; biases and batch-normalisation scales no).
 */
public record TensorShape(String name, int rows, int cols, boolean decayed) {
    public TensorShape {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(name + ": a tensor needs at least one row and column, got " + rows + "×" + cols);
        }
    }

    public int size() {
        return rows * cols;
    }
}
