package mlpkit.core.matrix;

/**
 * The portable element-wise maps, and the definition of each entry's arithmetic that
 * {@link VectorMaps} reproduces lane by lane.
 *
 * <p>{@link #expOfNonPositive} is mlpkit's own e^x rather than {@link Math#exp}: the SIMD kernel needs an
 * exponential built from fma, add and bit operations it can run eight at a time, and the scalar
 * kernel must give the same bits. It is accurate to about 1 ulp (tested against {@link Math#exp}).
 */
final class ScalarMaps implements MapKernel {
    static final ScalarMaps INSTANCE = new ScalarMaps();

    /** log2(e). */
    static final double LOG2_E = 1.4426950408889634;
    /** ln 2 split in two (Cody–Waite): LN2_HI has trailing zero bits, so n·LN2_HI is exact for |n| ≤ 2^11. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds a double of magnitude &lt; 2^51 to an integer, held in the low mantissa bits. */
    static final double ROUNDER = 6755399441055744.0;
    /** Below this e^x is subnormal (x &lt; −1022·ln 2); the result is then flushed to 0 (less than 2.3e−308 off). */
    static final double EXP_MIN = -708.3964185322641;
    /** One unit of a double's exponent field: 2^52 as a long. */
    static final long EXPONENT_UNIT = 1L << 52;
    /** 1/k! for k = 13 down to 2: the Taylor polynomial of e^r, |r| ≤ ln2/2; the truncation error is below 4.2e−18. */
    static final double[] TAYLOR = {
        1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0,
        1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5,
    };

    private ScalarMaps() {
    }

    /**
     * e^x for x ≤ 0, all mlpkit needs (σ and log-sum-exp shift their arguments to be ≤ 0): 2^n · e^r with
     * n = round(x / ln 2) and r = x − n·ln 2 (|r| ≤ ln2/2), e^r by its Taylor polynomial to degree 13 in
     * Horner form, and 2^n written straight into the exponent bits. Below {@link #EXP_MIN} the result is
     * 0; NaN stays NaN. (For x &gt; 0 it is e^x too, up to x ≈ 709.08, where 2^n stops fitting.)
     */
    static double expOfNonPositive(double x) {
        if (x < EXP_MIN) {
            return 0.0;
        }
        double t = Math.fma(x, LOG2_E, ROUNDER);
        double n = t - ROUNDER;
        double r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        double p = TAYLOR[0];
        for (int i = 1; i < TAYLOR.length; i++) {
            p = Math.fma(p, r, TAYLOR[i]);
        }
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        // The low bits of t hold n (t = 1.5·2^52 + n); 2^n has the biased exponent n + 1023.
        long n64 = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(ROUNDER);
        return p * Double.longBitsToDouble((n64 + 1023) * EXPONENT_UNIT);
    }

    /** σ(z) entry by entry as {@link MapKernel#sigmoid} defines it. */
    static double sigmoid(double z) {
        double e = expOfNonPositive(-Math.abs(z));
        return (z >= 0 ? 1.0 : e) / (1.0 + e);
    }

    @Override
    public void sigmoid(double[] z, int zo, double[] a, int ao, int n) {
        for (int i = 0; i < n; i++) {
            a[ao + i] = sigmoid(z[zo + i]);
        }
    }

    @Override
    public void sigmoidBackward(double[] a, int ao, double[] g, int go, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double s = a[ao + i];
            out[oo + i] = g[go + i] * s * (1.0 - s);
        }
    }

    @Override
    public void leakyRelu(double[] z, int zo, double alpha, double[] a, int ao, int n) {
        for (int i = 0; i < n; i++) {
            double v = z[zo + i];
            a[ao + i] = v > 0 ? v : alpha * v;
        }
    }

    @Override
    public void leakyReluBackward(double[] z, int zo, double alpha, double[] g, int go, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = z[zo + i] > 0 ? g[go + i] : alpha * g[go + i];
        }
    }

    @Override
    public void addRowVector(double[] m, int mo, int rows, int cols, double[] v, int vo) {
        for (int i = 0; i < rows; i++) {
            int r = mo + i * cols;
            for (int j = 0; j < cols; j++) {
                m[r + j] += v[vo + j];
            }
        }
    }

    @Override
    public void addColumnSums(double[] m, int mo, int rows, int cols, double[] out, int oo) {
        for (int i = 0; i < rows; i++) {
            int r = mo + i * cols;
            for (int j = 0; j < cols; j++) {
                out[oo + j] += m[r + j];
            }
        }
    }
}
