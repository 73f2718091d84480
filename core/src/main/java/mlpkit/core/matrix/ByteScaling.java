package mlpkit.core.matrix;

/**
 * How an unsigned byte v (0..255, a pixel) becomes the double a network sees: {@code table[v]}, the 256 values a
 * scaling defines (e.g. {@code v / 255} or {@code v / 127.5 − 1}), converted a run of bytes at a time.
 *
 * <p>A table lookup per byte is a gather, which SIMD does badly. So when the scaling is an affine map
 * {@code ((v − subtract) / divide) + add}, the vector kernel computes it per lane without a division:
 * {@code x = v − subtract}, {@code q = x·r} with {@code r = 1 / divide}, then one Newton step
 * {@code e = fma(−q, divide, x)}, {@code q = fma(e, r, q)}, and {@code q + add}. That step gives the correctly rounded
 * quotient for almost every x, but "almost" is not enough for bit-identical results: the constructor runs the same
 * operations on all 256 bytes and compares them with the table, and only when every one has the table's bits is the
 * vector kernel used; otherwise, and on the portable kernels, the table is read.
 */
public final class ByteScaling {
    private final double[] table;
    private final double subtract;
    private final double divide;
    private final double reciprocal;
    private final double add;
    private final boolean affineExact;

    /**
     * The scaling whose values are {@code table} (256 entries, indexed by the unsigned byte), which should equal
     * {@code ((v − subtract) / divide) + add}; pass 0, 1 and 0 for a step the scaling does not have.
     */
    public ByteScaling(double[] table, double subtract, double divide, double add) {
        if (table.length != 256) {
            throw new IllegalArgumentException("a byte scaling expected 256 values (one per byte 0..255), got " + table.length);
        }
        this.table = table.clone();
        this.subtract = subtract;
        this.divide = divide;
        this.reciprocal = 1.0 / divide;
        this.add = add;
        boolean exact = Double.isFinite(reciprocal) && reciprocal != 0.0;
        for (int v = 0; v < 256 && exact; v++) {
            exact = Double.doubleToRawLongBits(affine(v)) == Double.doubleToRawLongBits(this.table[v]);
        }
        this.affineExact = exact;
    }

    /** The affine map as one lane of {@link VectorMaps#scaleBytes} computes it. */
    private double affine(int v) {
        double x = v - subtract;
        double q = x * reciprocal;
        double e = Math.fma(-q, divide, x);
        return Math.fma(e, reciprocal, q) + add;
    }

    /** The double for byte {@code v} (its low 8 bits, unsigned). */
    public double scale(byte v) {
        return table[v & 0xFF];
    }

    /** True when the division-free affine lanes reproduce the table for every byte (then SIMD converts). */
    public boolean affineExact() {
        return affineExact;
    }

    /** {@code to[at + i] = table[from[start + i] & 0xFF]} for {@code count} bytes. */
    public void convert(byte[] from, int start, double[] to, int at, int count) {
        java.util.Objects.checkFromIndexSize(start, count, from.length);
        java.util.Objects.checkFromIndexSize(at, count, to.length);
        int done = affineExact ? KernelSelection.maps().scaleBytes(from, start, to, at, count, subtract, divide, reciprocal, add) : 0;
        for (int i = done; i < count; i++) {
            to[at + i] = table[from[start + i] & 0xFF];
        }
    }
}
