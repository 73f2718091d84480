package mlpkit.core.network;

/**
 * One named tensor in a network's flat parameter (or state) array: for example the weights {@code W}
 * (rows = inputs, columns = units) or the bias {@code b} (1 × units) of the layer at {@code layerIndex};
 * {@code decayed} says whether L2 weight decay applies to it.
 */
public record ParameterTensor(int layerIndex, String layerNotation, String name, int offset, int rows, int cols,
                              boolean decayed) {
    public int size() {
        return rows * cols;
    }

    /** e.g. {@code layer 2 dense(4, tanh) W[6×4]}. */
    public String label() {
        return "layer " + layerIndex + " " + layerNotation + " " + name + "[" + rows + "×" + cols + "]";
    }
}
