package mlpkit.core.onnx;

/**
 * What feeds the network in an ONNX graph: {@link #toOnnx} declares the graph's inputs ({@link OnnxGraph#input}) and
 * writes the nodes that make the network's input from them, a [batch, inputs] tensor in the graph's element type,
 * whose name it returns. Raw feature rows with their stored scaling are one ({@link OnnxExport#of}); a table's
 * column pipeline, one input per column, is another (data's {@code ColumnPipeline.toOnnx}).
 */
@FunctionalInterface
public interface OnnxInputs {
    String toOnnx(OnnxGraph graph);
}
