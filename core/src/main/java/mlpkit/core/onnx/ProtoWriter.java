package mlpkit.core.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol buffers wire format, as much of it as an ONNX file needs: each field is a tag (field number · 8 +
 * wire type, as a varint) followed by its value, a varint (wire type 0: 7 bits a byte, least significant first, the
 * high bit set on every byte but the last; a negative int64 takes 10 bytes, its two's complement), a length-delimited
 * run of bytes (wire type 2: the length as a varint, then the bytes; strings, raw tensor data and nested messages)
 * or a little-endian 32-bit float (wire type 5). Fields are written in the order of the calls.
 */
public final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An int32, int64, enum or bool field. */
    public ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    /** A string field, in UTF-8. */
    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    public ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    /** A nested message field. */
    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A float field: the 4 bytes of its IEEE 754 single, little-endian. */
    public ProtoWriter float32(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int k = 0; k < 4; k++) {
            out.write(bits >>> (8 * k));
        }
        return this;
    }

    /** The message written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        if (field < 1) {
            throw new IllegalArgumentException("a protobuf field number is at least 1, got " + field);
        }
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
