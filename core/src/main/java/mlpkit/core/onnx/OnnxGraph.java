package mlpkit.core.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph being written: the nodes in order and the constant tensors (initializers) they read, all in one
 * element type ({@link Precision}). Each concept writes its own ONNX form into it (an activation's
 * {@code toOnnx(graph, z)}, a layer's, a column map's): {@link #node} adds an operator reading named values and
 * returns the name of its output, {@link #constant} and {@link #scalar} add constants. Names are made unique from the
 * current scope ({@link #enter}: {@code layer1_Gemm}, {@code layer1_W}), so a concept never chooses a name another one
 * uses. {@link #encode} writes the ModelProto bytes: one input of shape [batch, inputs] and one output of shape
 * [batch, outputs], {@code batch} a dynamic dimension (dim_param).
 */
public final class OnnxGraph {
    /** The ONNX operator set the graph's nodes are written for (ONNX 1.12; ONNX Runtime 1.12 and later run it). */
    public static final int OPSET = 17;
    /** The IR version that goes with {@link #OPSET} (ONNX's versioning table: opset 17 is IR version 8). */
    public static final int IR_VERSION = 8;
    /** The name of the dynamic first dimension of the input and output. */
    public static final String BATCH = "batch";

    /** The element type of every tensor in the graph. */
    public enum Precision {
        FLOAT32(OnnxProto.Tensor.FLOAT, Float.BYTES), FLOAT64(OnnxProto.Tensor.DOUBLE, Double.BYTES);

        final int dataType;
        final int bytes;

        Precision(int dataType, int bytes) {
            this.dataType = dataType;
            this.bytes = bytes;
        }
    }

    private final Precision precision;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private String scope = "graph";
    private String where = "the model";

    public OnnxGraph(Precision precision) {
        this.precision = precision;
    }

    public Precision precision() {
        return precision;
    }

    /** Whether the graph computes in float64 (a form may then avoid float32 attributes). */
    public boolean isDouble() {
        return precision == Precision.FLOAT64;
    }

    /** Names what follows {@code scope} (a name prefix) and, in errors, {@code where} ("layer 2 of 3 (dense(4, relu))"). */
    public void enter(String scope, String where) {
        this.scope = scope;
        this.where = where;
    }

    /** A constant tensor of shape {@code dims} holding {@code values[from, from + product(dims))}, row-major. */
    public String constant(String name, long[] dims, double[] values, int from) {
        long size = 1;
        for (long d : dims) {
            size *= d;
        }
        ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(size * precision.bytes)).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < size; k++) {
            double v = values[from + k];
            if (precision == Precision.FLOAT32) {
                raw.putFloat((float) v);
            } else {
                raw.putDouble(v);
            }
        }
        String unique = unique(name);
        ProtoWriter tensor = new ProtoWriter();
        for (long d : dims) {
            tensor.varint(OnnxProto.Tensor.DIMS, d);
        }
        tensor.varint(OnnxProto.Tensor.DATA_TYPE, precision.dataType)
                .string(OnnxProto.Tensor.NAME, unique)
                .bytes(OnnxProto.Tensor.RAW_DATA, raw.array());
        initializers.add(tensor);
        return unique;
    }

    /** A constant vector (one value per column, broadcast over the rows). */
    public String vector(String name, double[] values) {
        return constant(name, new long[] {values.length}, values, 0);
    }

    /** A constant scalar (rank 0), in the graph's precision: a double stays a double in a float64 graph. */
    public String scalar(String name, double value) {
        return constant(name, new long[0], new double[] {value}, 0);
    }

    /** Adds the operator {@code opType} reading {@code inputs}; returns the name of its output. */
    public String node(String opType, List<String> inputs, OnnxAttribute... attributes) {
        String output = unique(opType);
        add(opType, inputs, output, attributes);
        return output;
    }

    /** The refusal of a part without an ONNX form: where it is, what it is, why and what to do. */
    public OnnxExportException noOnnxForm(String what, String why, String advice) {
        return new OnnxExportException(where + ": " + what + " has no ONNX form (" + why + "): " + advice);
    }

    /**
     * The ModelProto: the graph reading {@code input} ([batch, inputs]) and giving {@code output} ([batch, outputs]),
     * whose value is {@code result} (an Identity node names it), with {@code metadata} as metadata_props.
     */
    public byte[] encode(String input, int inputs, String result, String output, int outputs, String docString,
            Map<String, String> metadata) {
        add("Identity", List.of(result), output);
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(OnnxProto.Graph.NODE, n));
        graph.string(OnnxProto.Graph.NAME, "mlpkit");
        initializers.forEach(t -> graph.message(OnnxProto.Graph.INITIALIZER, t));
        graph.string(OnnxProto.Graph.DOC_STRING, docString);
        graph.message(OnnxProto.Graph.INPUT, valueInfo(input, inputs));
        graph.message(OnnxProto.Graph.OUTPUT, valueInfo(output, outputs));
        ProtoWriter model = new ProtoWriter()
                .varint(OnnxProto.Model.IR_VERSION, IR_VERSION)
                .string(OnnxProto.Model.PRODUCER_NAME, "mlpkit")
                .message(OnnxProto.Model.GRAPH, graph)
                .message(OnnxProto.Model.OPSET_IMPORT, new ProtoWriter()
                        .string(OnnxProto.OperatorSetId.DOMAIN, "")
                        .varint(OnnxProto.OperatorSetId.VERSION, OPSET));
        metadata.forEach((key, value) -> model.message(OnnxProto.Model.METADATA_PROPS, new ProtoWriter()
                .string(OnnxProto.StringStringEntry.KEY, key)
                .string(OnnxProto.StringStringEntry.VALUE, value)));
        return model.toByteArray();
    }

    private void add(String opType, List<String> inputs, String output, OnnxAttribute... attributes) {
        ProtoWriter node = new ProtoWriter();
        inputs.forEach(i -> node.string(OnnxProto.Node.INPUT, i));
        node.string(OnnxProto.Node.OUTPUT, output)
                .string(OnnxProto.Node.NAME, output)
                .string(OnnxProto.Node.OP_TYPE, opType);
        for (OnnxAttribute a : attributes) {
            node.message(OnnxProto.Node.ATTRIBUTE, a.encode());
        }
        nodes.add(node);
    }

    /** A [batch, columns] tensor of the graph's element type. */
    private ProtoWriter valueInfo(String name, int columns) {
        ProtoWriter shape = new ProtoWriter()
                .message(OnnxProto.TensorShape.DIM, new ProtoWriter().string(OnnxProto.TensorShape.DIM_PARAM, BATCH))
                .message(OnnxProto.TensorShape.DIM, new ProtoWriter().varint(OnnxProto.TensorShape.DIM_VALUE, columns));
        ProtoWriter tensorType = new ProtoWriter()
                .varint(OnnxProto.Type.TENSOR_ELEM_TYPE, precision.dataType)
                .message(OnnxProto.Type.TENSOR_SHAPE, shape);
        return new ProtoWriter()
                .string(OnnxProto.ValueInfo.NAME, name)
                .message(OnnxProto.ValueInfo.TYPE, new ProtoWriter().message(OnnxProto.Type.TENSOR_TYPE, tensorType));
    }

    private String unique(String name) {
        String base = scope + "_" + name;
        String candidate = base;
        while (!names.add(candidate)) {
            int n = counters.merge(base, 1, Integer::sum);
            candidate = base + "_" + n;
        }
        return candidate;
    }
}
