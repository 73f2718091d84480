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
 * uses. {@link #input} declares a graph input ([batch, columns] of an element type; a table declares one per column).
 * {@link #encode} writes the ModelProto bytes: the declared inputs and one output of shape [batch, outputs],
 * {@code batch} a dynamic dimension (dim_param). Nodes of the {@value #ML_DOMAIN} domain ({@link #mlNode}) add that
 * domain's opset import ({@value #ML_OPSET}, the one that goes with opset {@value #OPSET}).
 */
public final class OnnxGraph {
    /** The ONNX operator set the graph's nodes are written for (ONNX 1.12; ONNX Runtime 1.12 and later run it). */
    public static final int OPSET = 17;
    /** The IR version that goes with {@link #OPSET} (ONNX's versioning table: opset 17 is IR version 8). */
    public static final int IR_VERSION = 8;
    /** The domain of ONNX's traditional machine-learning operators (LabelEncoder: strings to numbers). */
    public static final String ML_DOMAIN = "ai.onnx.ml";
    /** The {@value #ML_DOMAIN} operator set imported with {@link #OPSET} (ONNX 1.12's pair; LabelEncoder is its version 2). */
    public static final int ML_OPSET = 3;
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
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private boolean usesMl;
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

    /** The ONNX element type (TensorProto.DataType) of the graph's numbers: Cast's {@code to} for them. */
    public int elementType() {
        return precision.dataType;
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

    /** A constant int64 vector (e.g. the codes 0 … n−1 a code is compared with). */
    public String int64Vector(String name, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        String unique = unique(name);
        initializers.add(new ProtoWriter()
                .varint(OnnxProto.Tensor.DIMS, values.length)
                .varint(OnnxProto.Tensor.DATA_TYPE, OnnxProto.Tensor.INT64)
                .string(OnnxProto.Tensor.NAME, unique)
                .bytes(OnnxProto.Tensor.RAW_DATA, raw.array()));
        return unique;
    }

    /**
     * Declares a graph input named {@code name} (which must be one of {@link #identifiers}' and not yet used: declare
     * inputs before adding nodes) of shape [batch, columns] and ONNX element type {@code elementType}
     * ({@link #elementType()} for numbers, {@link OnnxProto.Tensor#STRING} for text); returns the name.
     */
    public String input(String name, int elementType, int columns) {
        if (!name.matches(IDENTIFIER) || !names.add(name)) {
            throw new IllegalArgumentException("the graph input name '" + name + "' is not a free identifier: pass one of OnnxGraph.identifiers(…)");
        }
        inputs.add(valueInfo(name, elementType, columns));
        return name;
    }

    /**
     * The graph input names for {@code wanted} (e.g. a table's column names), in order: each as it is when it is an
     * identifier (letters, digits and {@code _}, not starting with a digit, as ONNX's IR asks of names), otherwise
     * with every other character replaced by {@code _} (and {@code _} in front of a leading digit); a name already
     * given, or one of {@code reserved} (the graph's output), gets {@code _2}, {@code _3}, … appended.
     */
    public static List<String> identifiers(List<String> wanted, Set<String> reserved) {
        Set<String> taken = new HashSet<>(reserved);
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            String base = w.replaceAll("[^A-Za-z0-9_]", "_");
            if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
                base = "_" + base;
            }
            String candidate = base;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = base + "_" + n;
            }
            out.add(candidate);
        }
        return out;
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
        add("", opType, inputs, output, attributes);
        return output;
    }

    /** Adds the operator {@code opType} of the {@value #ML_DOMAIN} domain; returns the name of its output. */
    public String mlNode(String opType, List<String> inputs, OnnxAttribute... attributes) {
        String output = unique(opType);
        add(ML_DOMAIN, opType, inputs, output, attributes);
        usesMl = true;
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
        input(input, precision.dataType, inputs);
        return encode(result, output, outputs, docString, metadata);
    }

    /**
     * The ModelProto: the graph reading the inputs declared by {@link #input} and giving {@code output}
     * ([batch, outputs]), whose value is {@code result} (an Identity node names it), with {@code metadata} as
     * metadata_props.
     */
    public byte[] encode(String result, String output, int outputs, String docString, Map<String, String> metadata) {
        add("", "Identity", List.of(result), output);
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(OnnxProto.Graph.NODE, n));
        graph.string(OnnxProto.Graph.NAME, "mlpkit");
        initializers.forEach(t -> graph.message(OnnxProto.Graph.INITIALIZER, t));
        graph.string(OnnxProto.Graph.DOC_STRING, docString);
        inputs.forEach(i -> graph.message(OnnxProto.Graph.INPUT, i));
        graph.message(OnnxProto.Graph.OUTPUT, valueInfo(output, precision.dataType, outputs));
        ProtoWriter model = new ProtoWriter()
                .varint(OnnxProto.Model.IR_VERSION, IR_VERSION)
                .string(OnnxProto.Model.PRODUCER_NAME, "mlpkit")
                .message(OnnxProto.Model.GRAPH, graph)
                .message(OnnxProto.Model.OPSET_IMPORT, new ProtoWriter()
                        .string(OnnxProto.OperatorSetId.DOMAIN, "")
                        .varint(OnnxProto.OperatorSetId.VERSION, OPSET));
        if (usesMl) {
            model.message(OnnxProto.Model.OPSET_IMPORT, new ProtoWriter()
                    .string(OnnxProto.OperatorSetId.DOMAIN, ML_DOMAIN)
                    .varint(OnnxProto.OperatorSetId.VERSION, ML_OPSET));
        }
        metadata.forEach((key, value) -> model.message(OnnxProto.Model.METADATA_PROPS, new ProtoWriter()
                .string(OnnxProto.StringStringEntry.KEY, key)
                .string(OnnxProto.StringStringEntry.VALUE, value)));
        return model.toByteArray();
    }

    private void add(String domain, String opType, List<String> inputs, String output, OnnxAttribute... attributes) {
        ProtoWriter node = new ProtoWriter();
        inputs.forEach(i -> node.string(OnnxProto.Node.INPUT, i));
        node.string(OnnxProto.Node.OUTPUT, output)
                .string(OnnxProto.Node.NAME, output)
                .string(OnnxProto.Node.OP_TYPE, opType);
        if (!domain.isEmpty()) {
            node.string(OnnxProto.Node.DOMAIN, domain);
        }
        for (OnnxAttribute a : attributes) {
            node.message(OnnxProto.Node.ATTRIBUTE, a.encode());
        }
        nodes.add(node);
    }

    /** A [batch, columns] tensor of element type {@code elementType}. */
    private static ProtoWriter valueInfo(String name, int elementType, int columns) {
        ProtoWriter shape = new ProtoWriter()
                .message(OnnxProto.TensorShape.DIM, new ProtoWriter().string(OnnxProto.TensorShape.DIM_PARAM, BATCH))
                .message(OnnxProto.TensorShape.DIM, new ProtoWriter().varint(OnnxProto.TensorShape.DIM_VALUE, columns));
        ProtoWriter tensorType = new ProtoWriter()
                .varint(OnnxProto.Type.TENSOR_ELEM_TYPE, elementType)
                .message(OnnxProto.Type.TENSOR_SHAPE, shape);
        return new ProtoWriter()
                .string(OnnxProto.ValueInfo.NAME, name)
                .message(OnnxProto.ValueInfo.TYPE, new ProtoWriter().message(OnnxProto.Type.TENSOR_TYPE, tensorType));
    }

    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

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
