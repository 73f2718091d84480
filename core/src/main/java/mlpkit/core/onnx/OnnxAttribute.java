package mlpkit.core.onnx;

/**
 * A node attribute: {@code alpha = 0.2} or {@code axis = 1}. ONNX stores a real attribute as a 32-bit float
 * ({@code AttributeProto.f}), so a double parameter loses its last digits there; forms that need the double keep it
 * in a tensor constant instead ({@link OnnxGraph#scalar}).
 */
public record OnnxAttribute(String name, int type, double real, long integer) {
    /** A float attribute (rounded to float32, as ONNX stores it). */
    public static OnnxAttribute real(String name, double value) {
        return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_FLOAT, value, 0);
    }

    /** An int64 attribute. */
    public static OnnxAttribute integer(String name, long value) {
        return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_INT, 0, value);
    }

    ProtoWriter encode() {
        ProtoWriter w = new ProtoWriter().string(OnnxProto.Attribute.NAME, name);
        if (type == OnnxProto.Attribute.TYPE_FLOAT) {
            w.float32(OnnxProto.Attribute.F, (float) real);
        } else {
            w.varint(OnnxProto.Attribute.I, integer);
        }
        return w.varint(OnnxProto.Attribute.TYPE, type);
    }
}
