package mlpkit.core.onnx;

import java.util.List;

/**
 * A node attribute: {@code alpha = 0.2}, {@code axis = 1}, or a list ({@code keys_strings = ["Biscoe", "Dream"]},
 * {@code values_int64s = [0, 1]}). ONNX stores a real attribute as a 32-bit float ({@code AttributeProto.f}), so a
 * double parameter loses its last digits there; forms that need the double keep it in a tensor constant instead
 * ({@link OnnxGraph#scalar}).
 */
public record OnnxAttribute(String name, int type, double real, long integer, List<String> strings, List<Long> integers) {
    /** A float attribute (rounded to float32, as ONNX stores it). */
    public static OnnxAttribute real(String name, double value) {
        return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_FLOAT, value, 0, List.of(), List.of());
    }

    /** An int64 attribute. */
    public static OnnxAttribute integer(String name, long value) {
        return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_INT, 0, value, List.of(), List.of());
    }

    /** A list of strings (UTF-8). */
    public static OnnxAttribute strings(String name, List<String> values) {
        return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_STRINGS, 0, 0, List.copyOf(values), List.of());
    }

    /** A list of int64s. */
    public static OnnxAttribute integers(String name, List<Long> values) {
        return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_INTS, 0, 0, List.of(), List.copyOf(values));
    }

    ProtoWriter encode() {
        ProtoWriter w = new ProtoWriter().string(OnnxProto.Attribute.NAME, name);
        switch (type) {
            case OnnxProto.Attribute.TYPE_FLOAT -> w.float32(OnnxProto.Attribute.F, (float) real);
            case OnnxProto.Attribute.TYPE_INT -> w.varint(OnnxProto.Attribute.I, integer);
            case OnnxProto.Attribute.TYPE_STRINGS -> strings.forEach(s -> w.string(OnnxProto.Attribute.STRINGS, s));
            case OnnxProto.Attribute.TYPE_INTS -> integers.forEach(i -> w.varint(OnnxProto.Attribute.INTS, i));
            default -> throw new IllegalStateException("attribute type " + type);
        }
        return w.varint(OnnxProto.Attribute.TYPE, type);
    }
}
