package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bytes become the scaling's own values bit for bit, whether SIMD lanes or the table convert them. */
class ByteScalingTest {
    /** ((v − s) / d) + a for every byte, in scalar doubles: what a pixel scaling's table holds. */
    private static double[] table(double s, double d, double a) {
        double[] t = new double[256];
        for (int v = 0; v < 256; v++) {
            t[v] = (v - s) / d + a;
        }
        return t;
    }

    private static byte[] everyByteTwiceAndSome() {
        byte[] bytes = new byte[2 * 256 + 13];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }

    @Test
    void theUnitSymmetricRawAndStandardisedScalingsConvertWithoutTheTableAndGiveItsBits() {
        double[][] maps = {{0, 255, 0}, {0, 127.5, -1}, {0, 1, 0}, {72.94035223214286, 90.02118235130519, 0}, {33.318421449829934, 78.56748998339798, 0}};
        byte[] bytes = everyByteTwiceAndSome();
        for (double[] map : maps) {
            double[] table = table(map[0], map[1], map[2]);
            ByteScaling scaling = new ByteScaling(table, map[0], map[1], map[2]);
            assertTrue(scaling.affineExact(), "the division-free lanes reproduce (v − " + map[0] + ") / " + map[1] + " + " + map[2]);
            // Every start and length: whole groups of eight and the tails the table finishes.
            for (int start : new int[] {0, 1, 5}) {
                for (int count : new int[] {0, 1, 7, 8, 9, 16, 255, bytes.length - start}) {
                    double[] expected = new double[count + 3], actual = new double[count + 3];
                    for (int i = 0; i < count; i++) {
                        expected[2 + i] = table[bytes[start + i] & 0xFF];
                    }
                    scaling.convert(bytes, start, actual, 2, count);
                    assertSameBits(expected, actual, map[1] + ", start " + start + ", count " + count);
                }
            }
        }
        assertEquals(1.0, new ByteScaling(table(0, 127.5, -1), 0, 127.5, -1).scale((byte) 255), 0.0);
        assertEquals(-1.0, new ByteScaling(table(0, 127.5, -1), 0, 127.5, -1).scale((byte) 0), 0.0);
        assertEquals(128 / 255.0, new ByteScaling(table(0, 255, 0), 0, 255, 0).scale((byte) 128), 0.0);
    }

    @Test
    void theVectorLanesAloneGiveTheTablesBitsForEveryByte() {
        byte[] bytes = new byte[256];
        for (int v = 0; v < 256; v++) {
            bytes[v] = (byte) v;
        }
        double[] out = new double[256];
        int done = VectorMaps.INSTANCE.scaleBytes(bytes, 0, out, 0, 256, 0, 127.5, 1 / 127.5, -1);
        assertEquals(VectorGemm.LANES >= 4 ? 256 : 0, done, "whole groups of eight bytes converted");
        for (int v = 0; v < done; v++) {
            assertEquals(Double.doubleToRawLongBits(v / 127.5 - 1), Double.doubleToRawLongBits(out[v]), "byte " + v);
        }
    }

    @Test
    void aTableTheAffineMapDoesNotGiveIsReadAsItIs() {
        double[] table = table(0, 255, 0);
        table[200] = Math.nextUp(table[200]);   // one byte's value off by one ulp from v / 255
        ByteScaling scaling = new ByteScaling(table, 0, 255, 0);
        assertFalse(scaling.affineExact());
        byte[] bytes = everyByteTwiceAndSome();
        double[] out = new double[bytes.length];
        scaling.convert(bytes, 0, out, 0, bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            assertEquals(Double.doubleToRawLongBits(table[bytes[i] & 0xFF]), Double.doubleToRawLongBits(out[i]), "byte " + (bytes[i] & 0xFF));
        }
    }

    @Test
    void aTableOfAnotherLengthOrARunOutsideTheArraysIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ByteScaling(new double[255], 0, 1, 0));
        assertEquals("a byte scaling expected 256 values (one per byte 0..255), got 255", e.getMessage());
        ByteScaling scaling = new ByteScaling(table(0, 1, 0), 0, 1, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> scaling.convert(new byte[8], 1, new double[8], 0, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> scaling.convert(new byte[8], 0, new double[8], 1, 8));
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        long[] e = new long[expected.length], a = new long[actual.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Double.doubleToRawLongBits(expected[i]);
            a[i] = Double.doubleToRawLongBits(actual[i]);
        }
        assertArrayEquals(e, a, what);
    }
}
