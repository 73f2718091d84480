package mlpkit.core.onnx;

/**
 * The field numbers and enum values of onnx.proto (the ONNX repository's {@code onnx/onnx.proto}) that
 * {@link OnnxGraph} writes, one nested class per message. Checked against onnx.proto by hand; the numbers are part
 * of ONNX's wire format and never change between versions.
 */
public final class OnnxProto {
    private OnnxProto() {
    }

    /** The file: {@code message ModelProto}. */
    public static final class Model {
        public static final int IR_VERSION = 1;
        public static final int PRODUCER_NAME = 2;
        public static final int PRODUCER_VERSION = 3;
        public static final int DOC_STRING = 6;
        public static final int GRAPH = 7;
        public static final int OPSET_IMPORT = 8;
        public static final int METADATA_PROPS = 14;

        private Model() {
        }
    }

    /** {@code message OperatorSetIdProto}: an operator set and its version (domain "" is the ONNX one). */
    public static final class OperatorSetId {
        public static final int DOMAIN = 1;
        public static final int VERSION = 2;

        private OperatorSetId() {
        }
    }

    /** {@code message StringStringEntryProto}: a key and a value (metadata). */
    public static final class StringStringEntry {
        public static final int KEY = 1;
        public static final int VALUE = 2;

        private StringStringEntry() {
        }
    }

    /** {@code message GraphProto}. */
    public static final class Graph {
        public static final int NODE = 1;
        public static final int NAME = 2;
        public static final int INITIALIZER = 5;
        public static final int DOC_STRING = 10;
        public static final int INPUT = 11;
        public static final int OUTPUT = 12;

        private Graph() {
        }
    }

    /** {@code message NodeProto}. */
    public static final class Node {
        public static final int INPUT = 1;
        public static final int OUTPUT = 2;
        public static final int NAME = 3;
        public static final int OP_TYPE = 4;
        public static final int ATTRIBUTE = 5;
        public static final int DOC_STRING = 6;
        public static final int DOMAIN = 7;

        private Node() {
        }
    }

    /** {@code message AttributeProto} and its {@code enum AttributeType}. */
    public static final class Attribute {
        public static final int NAME = 1;
        public static final int F = 2;
        public static final int I = 3;
        public static final int S = 4;
        public static final int INTS = 8;
        public static final int STRINGS = 9;
        public static final int TYPE = 20;

        public static final int TYPE_FLOAT = 1;
        public static final int TYPE_INT = 2;
        public static final int TYPE_STRING = 3;
        public static final int TYPE_INTS = 7;
        public static final int TYPE_STRINGS = 8;

        private Attribute() {
        }
    }

    /** {@code message TensorProto} and its {@code enum DataType}. */
    public static final class Tensor {
        public static final int DIMS = 1;
        public static final int DATA_TYPE = 2;
        public static final int NAME = 8;
        public static final int RAW_DATA = 9;

        public static final int FLOAT = 1;
        public static final int INT64 = 7;
        public static final int STRING = 8;
        public static final int DOUBLE = 11;

        private Tensor() {
        }
    }

    /** {@code message ValueInfoProto}. */
    public static final class ValueInfo {
        public static final int NAME = 1;
        public static final int TYPE = 2;
        public static final int DOC_STRING = 3;

        private ValueInfo() {
        }
    }

    /** {@code message TypeProto} ({@code tensor_type}) and its {@code message Tensor}. */
    public static final class Type {
        public static final int TENSOR_TYPE = 1;
        public static final int TENSOR_ELEM_TYPE = 1;
        public static final int TENSOR_SHAPE = 2;

        private Type() {
        }
    }

    /** {@code message TensorShapeProto} and its {@code message Dimension}. */
    public static final class TensorShape {
        public static final int DIM = 1;
        public static final int DIM_VALUE = 1;
        public static final int DIM_PARAM = 2;

        private TensorShape() {
        }
    }
}
