package mlpkit.core.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import mlpkit.core.loss.MeanSquaredError;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import org.junit.jupiter.api.Test;

/** The wire format by hand: tag = field · 8 + wire type, varints 7 bits a byte low first, lengths before bytes. */
class ProtoWriterTest {
    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    @Test
    void aVarintFieldIsItsTagThenSevenBitsAByteLowestFirst() {
        // field 1, wire type 0: tag 0x08; 300 = 0b10_0101100: 0xAC (0101100 with the continuation bit), then 0x02
        assertArrayEquals(hex("08 AC 02"), new ProtoWriter().varint(1, 300).toByteArray());
        // −1 as an int64: ten bytes, nine 0xFF and a final 0x01 (64 bits of two's complement, 7 at a time)
        assertArrayEquals(hex("10 FF FF FF FF FF FF FF FF FF 01"), new ProtoWriter().varint(2, -1).toByteArray());
    }

    @Test
    void aStringAMessageAndAFloatAreLengthDelimitedOrFourLittleEndianBytes() {
        // field 2, wire type 2: tag 0x12, length 2, 'h' 'i'
        assertArrayEquals(hex("12 02 68 69"), new ProtoWriter().string(2, "hi").toByteArray());
        // field 3 holding the message {field 1 = 150}: tag 0x1A, length 3, then 08 96 01
        assertArrayEquals(hex("1A 03 08 96 01"), new ProtoWriter().message(3, new ProtoWriter().varint(1, 150)).toByteArray());
        // field 2, wire type 5: tag 0x15; 1.0f = 0x3F800000, little-endian
        assertArrayEquals(hex("15 00 00 80 3F"), new ProtoWriter().float32(2, 1.0f).toByteArray());
    }

    @Test
    void aTinyModelStartsWithItsIrVersionAndProducerAndHoldsItsWeightAsARawFloatTensor() {
        Network network = Network.build(NetworkSpec.parse("network < dense(1, identity) >"), 1, new MeanSquaredError(), 0L);
        network.parameters()[0] = 0.5;   // W (1 × 1)
        network.parameters()[1] = -2.0;  // b
        byte[] model = OnnxExport.of(network, null, null, OnnxGraph.Precision.FLOAT32, Map.of());
        // ModelProto.ir_version (1) = 8, then producer_name (2) = "mlpkit" (6 bytes), then graph (7, tag 0x3A)
        assertArrayEquals(hex("08 08 12 06 6D 6C 70 6B 69 74 3A"), Arrays.copyOf(model, 11));
        // GraphProto.initializer (5, tag 0x2A), 22 bytes: dims (1) 1, dims 1, data_type (2) FLOAT = 1,
        // name (8, tag 0x42) "layer1_W" (8 bytes), raw_data (9, tag 0x4A) 4 bytes: 0.5f = 0x3F000000 little-endian
        byte[] weight = hex("2A 16 08 01 08 01 10 01 42 08 6C 61 79 65 72 31 5F 57 4A 04 00 00 00 3F");
        assertTrue(indexOf(model, weight) > 0, "the W initializer's bytes in " + HexFormat.of().formatHex(model));
        // the model ends with opset_import (8, tag 0x42), 4 bytes: domain (1) "", version (2) = 17
        assertArrayEquals(hex("42 04 0A 00 10 11"), Arrays.copyOfRange(model, model.length - 6, model.length));
        assertEquals(17, OnnxGraph.OPSET);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
