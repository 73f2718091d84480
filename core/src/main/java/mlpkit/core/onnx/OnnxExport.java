package mlpkit.core.onnx;

import java.util.List;
import java.util.Map;
import mlpkit.core.distributed.ColumnAffine;
import mlpkit.core.layer.Layer;
import mlpkit.core.layer.LayerSpec;
import mlpkit.core.network.Network;

/**
 * A trained network as an ONNX model (opset {@value OnnxGraph#OPSET}): the input's column map (the stored input
 * scaling, as Sub/Div/Mul/Add nodes), each layer's own inference form in order, then the map back to the targets'
 * units of a regression trained on scaled targets. The graph reads {@value #INPUT} of shape [batch, inputs] and
 * gives {@value #OUTPUT} of shape [batch, outputs], {@code batch} dynamic: the outputs of {@code Model.predict}.
 * A model trained on a table is fed by its column pipeline instead ({@link OnnxInputs}: one input per column).
 * A part without an ONNX form is an {@link OnnxExportException} naming the layer (number and notation).
 */
public final class OnnxExport {
    /** The name of the graph's input: raw feature rows, as {@code predict} takes them. */
    public static final String INPUT = "input";
    /** The name of the graph's output: what {@code predict} returns. */
    public static final String OUTPUT = "output";

    private OnnxExport() {
    }

    /**
     * The ModelProto bytes of {@code network} (its current parameters and state) between the column maps
     * {@code input} and {@code output} (either may be null: none), computing in {@code precision}, with
     * {@code metadata} as its metadata_props (key → value, in order).
     */
    public static byte[] of(Network network, ColumnAffine input, ColumnAffine output, OnnxGraph.Precision precision,
            Map<String, String> metadata) {
        if (input != null && input.columns() != network.inputSize()) {
            throw new IllegalArgumentException("the input scaling maps " + input.columns() + " columns but the network has "
                    + network.inputSize() + " inputs");
        }
        OnnxInputs rows = graph -> {
            String x = graph.input(INPUT, graph.elementType(), network.inputSize());
            if (input != null) {
                graph.enter("input_scaling", "the input scaling");
                x = input.toOnnx(graph, x);
            }
            return x;
        };
        return of(network, rows, (input != null ? ", input scaling included" : ""), output, precision, metadata);
    }

    /**
     * The ModelProto bytes of {@code network} fed by {@code inputs} (which declare the graph's inputs and make the
     * network's [batch, inputs] from them; {@code inputsNote} says what they hold, for the graph's doc string, e.g.
     * ", column pipeline included"), then the target map {@code output} (null: none), computing in
     * {@code precision}, with {@code metadata} as its metadata_props (key → value, in order).
     */
    public static byte[] of(Network network, OnnxInputs inputs, String inputsNote, ColumnAffine output,
            OnnxGraph.Precision precision, Map<String, String> metadata) {
        if (output != null && output.columns() != network.outputSize()) {
            throw new IllegalArgumentException("the target scaling maps " + output.columns() + " columns but the network has "
                    + network.outputSize() + " outputs");
        }
        OnnxGraph graph = new OnnxGraph(precision);
        String x = inputs.toOnnx(graph);
        List<Layer> layers = network.layers();
        List<LayerSpec> specs = network.spec().layers();
        for (int i = 0; i < layers.size(); i++) {
            graph.enter("layer" + (i + 1), "layer " + (i + 1) + " of " + layers.size() + " (" + specs.get(i).notation()
                    + ") of '" + network.spec().notation() + "'");
            x = layers.get(i).toOnnx(graph, x);
        }
        if (output != null) {
            graph.enter("target_scaling", "the target scaling");
            x = output.toOnnx(graph, x);
        }
        String doc = "mlpkit " + network.spec().notation() + " on " + network.inputSize() + " inputs" + inputsNote
                + (output != null ? ", outputs in the targets' units" : "");
        return graph.encode(x, OUTPUT, network.outputSize(), doc, metadata);
    }
}
