package mlpkit.core.matrix;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise kernels on the Vector API, eight doubles at a time with 512-bit vectors: the bias
 * broadcast and column sums of {@link ScalarMaps} (with their scalar tails), and the activation fast paths
 * ({@link ActivationKernel}), which do the whole vectors and leave the tail to the activation's own scalar
 * maths. Each lane runs the scalar code's operations in the same order, so the bits are the same. Loaded
 * only when {@code jdk.incubator.vector} is present ({@link KernelSelection}).
 */
final class VectorMaps implements MapKernel, ActivationKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** t's bits minus 1.5·2^52's bits is n; adding 1023 gives the biased exponent of 2^n. */
    private static final long EXPONENT_BIAS = 1023 - Double.doubleToRawLongBits(Exp.ROUNDER);
    /** 2^52 = 1 &lt;&lt; 52: {@link Exp#EXPONENT_UNIT} as a shift. */
    private static final int EXPONENT_SHIFT = Long.numberOfTrailingZeros(Exp.EXPONENT_UNIT);
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

    private static final DoubleVector LOG2_E = DoubleVector.broadcast(SPECIES, Exp.LOG2_E);
    private static final DoubleVector ROUNDER = DoubleVector.broadcast(SPECIES, Exp.ROUNDER);
    private static final DoubleVector MINUS_LN2_HI = DoubleVector.broadcast(SPECIES, -Exp.LN2_HI);
    private static final DoubleVector MINUS_LN2_LO = DoubleVector.broadcast(SPECIES, -Exp.LN2_LO);

    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
    private static final DoubleVector C2 = taylor(2), C3 = taylor(3), C4 = taylor(4), C5 = taylor(5), C6 = taylor(6),
            C7 = taylor(7), C8 = taylor(8), C9 = taylor(9), C10 = taylor(10), C11 = taylor(11), C12 = taylor(12),
            C13 = taylor(13);

    private static final DoubleVector LN2_HI = DoubleVector.broadcast(SPECIES, Exp.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(SPECIES, Exp.LN2_LO);
    private static final DoubleVector P0 = atanh(0), P1 = atanh(1), P2 = atanh(2), P3 = atanh(3), P4 = atanh(4),
            P5 = atanh(5), P6 = atanh(6), P7 = atanh(7), P8 = atanh(8), P9 = atanh(9), P10 = atanh(10), P11 = atanh(11);

    static final VectorMaps INSTANCE = new VectorMaps();

    private static DoubleVector taylor(int k) {
        return DoubleVector.broadcast(SPECIES, Exp.TAYLOR[k]);
    }

    private static DoubleVector atanh(int j) {
        return DoubleVector.broadcast(SPECIES, Log1p.ATANH[j]);
    }

    private VectorMaps() {
    }

    @Override
    public int sigmoid(double[] z, int zo, double[] a, int ao, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, z, zo + i);
            // e = e^x with x = −|z|: exp(x) below, written out, not called. With the call this method is small enough
            // for C2 to inline into the forward pass's loops, where it ran slower: C3's forward pass 104–106 µs against
            // 88–91 µs written out (AMD EPYC, 512-bit, 2026-12-08).
            DoubleVector x = v.abs().neg();
            DoubleVector t = x.fma(LOG2_E, ROUNDER);
            DoubleVector k = t.sub(ROUNDER);
            DoubleVector r = k.fma(MINUS_LN2_HI, x);
            r = k.fma(MINUS_LN2_LO, r);
            DoubleVector r2 = r.mul(r), r4 = r2.mul(r2), r8 = r4.mul(r4);
            DoubleVector tail = r.fma(C13, C12).fma(r8,
                    r.fma(C11, C10).fma(r2, r.fma(C9, C8)).fma(r4, r.fma(C7, C6).fma(r2, r.fma(C5, C4))));
            DoubleVector h = tail.fma(r2, r.fma(C3, C2));
            DoubleVector p = h.fma(r, ONE).fma(r, ONE);
            LongVector n64 = (LongVector) t.reinterpretAsLongs();
            DoubleVector scale = (DoubleVector) n64.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, EXPONENT_SHIFT)
                    .reinterpretAsDoubles();
            DoubleVector e = p.mul(scale).blend(ZERO, x.compare(VectorOperators.LT, Exp.MIN));
            DoubleVector numerator = e.blend(ONE, v.compare(VectorOperators.GE, 0.0));
            numerator.div(e.add(ONE)).intoArray(a, ao + i);
        }
        return i;
    }

    @Override
    public int softplus(double[] z, int zo, double[] a, int ao, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, z, zo + i);
            v.max(0.0).add(log1p(exp(v.abs().neg()))).intoArray(a, ao + i);
        }
        return i;
    }

    @Override
    public int vectorPart(int n) {
        return SPECIES.loopBound(n);
    }

    /** Each vector's lanes are added to the sum one after another: the scalar loop's order, on every vector width. */
    @Override
    public double logisticLossSum(double[] z, int zo, double[] y, int yo, int n, double sum) {
        for (int i = 0, end = SPECIES.loopBound(n); i < end; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, z, zo + i);
            DoubleVector linear = v.max(0.0).sub(v.mul(DoubleVector.fromArray(SPECIES, y, yo + i)));
            DoubleVector loss = linear.add(log1p(exp(v.abs().neg())));
            for (int lane = 0; lane < LANES; lane++) {
                sum += loss.lane(lane);
            }
        }
        return sum;
    }

    /** e^x for x ≤ 0, as {@link Exp#ofNonPositive}. Small enough for C2 to inline: a call left in would box the vectors. */
    private static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(LOG2_E, ROUNDER);
        DoubleVector k = t.sub(ROUNDER);
        DoubleVector r = k.fma(MINUS_LN2_HI, x);
        r = k.fma(MINUS_LN2_LO, r);
        DoubleVector r2 = r.mul(r), r4 = r2.mul(r2), r8 = r4.mul(r4);
        DoubleVector tail = r.fma(C13, C12).fma(r8,
                r.fma(C11, C10).fma(r2, r.fma(C9, C8)).fma(r4, r.fma(C7, C6).fma(r2, r.fma(C5, C4))));
        DoubleVector h = tail.fma(r2, r.fma(C3, C2));
        DoubleVector p = h.fma(r, ONE).fma(r, ONE);
        // 2^n: n + 1023 shifted into the exponent field (the scalar code's multiplication by 2^52, as a shift).
        LongVector n64 = (LongVector) t.reinterpretAsLongs();
        DoubleVector scale = (DoubleVector) n64.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, EXPONENT_SHIFT)
                .reinterpretAsDoubles();
        // 0 below EXP_MIN, as in the scalar code; a NaN x fails every comparison and stays NaN.
        return p.mul(scale).blend(ZERO, x.compare(VectorOperators.LT, Exp.MIN));
    }

    /** log(1 + x) for 0 ≤ x ≤ 1, as {@link Log1p#ofUnitInterval}. */
    private static DoubleVector log1p(DoubleVector x) {
        VectorMask<Double> upper = x.compare(VectorOperators.GE, 0.5);
        DoubleVector k = ZERO.blend(ONE, upper);
        DoubleVector f = x.blend(x.sub(1.0).mul(0.5), upper);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector w = s.mul(s), w2 = w.mul(w), w4 = w2.mul(w2), w8 = w4.mul(w4);
        DoubleVector p = w.fma(P11, P10).fma(w2, w.fma(P9, P8)).fma(w8,
                w.fma(P7, P6).fma(w2, w.fma(P5, P4)).fma(w4, w.fma(P3, P2).fma(w2, w.fma(P1, P0))));
        DoubleVector log = f.sub(s.fma(f, s.mul(-2.0).mul(w).mul(p)));
        return k.fma(LN2_LO, log).add(k.mul(LN2_HI));
    }

    @Override
    public int sigmoidBackward(double[] a, int ao, double[] g, int go, double[] out, int oo, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, a, ao + i);
            DoubleVector.fromArray(SPECIES, g, go + i).mul(s).mul(s.neg().add(1.0)).intoArray(out, oo + i);
        }
        return i;
    }

    @Override
    public int leakyRelu(double[] z, int zo, double alpha, double[] a, int ao, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, z, zo + i);
            v.mul(alpha).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(a, ao + i);
        }
        return i;
    }

    @Override
    public int leakyReluBackward(double[] z, int zo, double alpha, double[] g, int go, double[] out, int oo, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            DoubleVector grad = DoubleVector.fromArray(SPECIES, g, go + i);
            VectorMask<Double> positive = DoubleVector.fromArray(SPECIES, z, zo + i).compare(VectorOperators.GT, 0.0);
            grad.mul(alpha).blend(grad, positive).intoArray(out, oo + i);
        }
        return i;
    }

    @Override
    public void addRowVector(double[] m, int mo, int rows, int cols, double[] v, int vo) {
        int vectorCols = SPECIES.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int r = mo + i * cols;
            int j = 0;
            for (; j < vectorCols; j += LANES) {
                DoubleVector.fromArray(SPECIES, m, r + j).add(DoubleVector.fromArray(SPECIES, v, vo + j)).intoArray(m, r + j);
            }
            for (; j < cols; j++) {
                m[r + j] += v[vo + j];
            }
        }
    }

    /**
     * Each column summed down the rows in its own chain, row by row (the scalar order), several chains side by side
     * so that their additions overlap: two vectors of columns a pass, then one, then the last columns (fewer than a
     * vector) in scalar chains, up to four a pass (a spare chain repeats the last column and writes the same value).
     */
    @Override
    public void addColumnSums(double[] m, int mo, int rows, int cols, double[] out, int oo) {
        int j = 0, vectorCols = SPECIES.loopBound(cols);
        for (; j + 2 * LANES <= vectorCols; j += 2 * LANES) {
            DoubleVector s0 = DoubleVector.fromArray(SPECIES, out, oo + j), s1 = DoubleVector.fromArray(SPECIES, out, oo + j + LANES);
            for (int i = 0, r = mo + j; i < rows; i++, r += cols) {
                s0 = s0.add(DoubleVector.fromArray(SPECIES, m, r));
                s1 = s1.add(DoubleVector.fromArray(SPECIES, m, r + LANES));
            }
            s0.intoArray(out, oo + j);
            s1.intoArray(out, oo + j + LANES);
        }
        for (; j < vectorCols; j += LANES) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, out, oo + j);
            for (int i = 0, r = mo + j; i < rows; i++, r += cols) {
                sum = sum.add(DoubleVector.fromArray(SPECIES, m, r));
            }
            sum.intoArray(out, oo + j);
        }
        for (; j < cols; j += 4) {
            int last = Math.min(3, cols - j - 1), o1 = Math.min(1, last), o2 = Math.min(2, last);
            int at = oo + j;
            double s0 = out[at], s1 = out[at + o1], s2 = out[at + o2], s3 = out[at + last];
            for (int i = 0, r = mo + j; i < rows; i++, r += cols) {
                s0 += m[r];
                s1 += m[r + o1];
                s2 += m[r + o2];
                s3 += m[r + last];
            }
            out[at + last] = s3;
            out[at + o2] = s2;
            out[at + o1] = s1;
            out[at] = s0;
        }
    }

    /**
     * Eight bytes a turn: widened to eight ints (masked to 0..255), then to doubles (one vector of eight lanes, or two of
     * four), each lane x − s, q = x·r, q += fma(−q, d, x)·r rounded once, + a. With vectors of two lanes nothing is
     * converted here (the table does it).
     */
    @Override
    public int scaleBytes(byte[] from, int start, double[] to, int at, int count, double subtract, double divide, double reciprocal, double add) {
        if (LANES != 8 && LANES != 4) {
            return 0;
        }
        DoubleVector s = DoubleVector.broadcast(SPECIES, subtract), d = DoubleVector.broadcast(SPECIES, divide);
        DoubleVector r = DoubleVector.broadcast(SPECIES, reciprocal), o = DoubleVector.broadcast(SPECIES, add);
        int i = 0;
        for (int end = count - 7; i < end; i += 8) {
            IntVector v = ((IntVector) ByteVector.fromArray(ByteVector.SPECIES_64, from, start + i)
                    .convertShape(VectorOperators.B2I, IntVector.SPECIES_256, 0)).and(0xFF);
            if (LANES == 8) {
                scaled((DoubleVector) v.convertShape(VectorOperators.I2D, SPECIES, 0), s, d, r, o).intoArray(to, at + i);
            } else {
                scaled((DoubleVector) v.convertShape(VectorOperators.I2D, SPECIES, 0), s, d, r, o).intoArray(to, at + i);
                scaled((DoubleVector) v.convertShape(VectorOperators.I2D, SPECIES, 1), s, d, r, o).intoArray(to, at + i + 4);
            }
        }
        return i;
    }

    private static DoubleVector scaled(DoubleVector v, DoubleVector s, DoubleVector d, DoubleVector r, DoubleVector o) {
        DoubleVector x = v.sub(s);
        DoubleVector q = x.mul(r);
        return q.neg().fma(d, x).fma(r, q).add(o);
    }
}
