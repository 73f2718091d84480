package mlpkit.core.matrix;

/**
 * mlpkit's own e^x for x ≤ 0 (all that σ and log-sum-exp need: they shift their arguments to be ≤ 0),
 * rather than {@link Math#exp}: the vector kernels need an exponential built from fma, add and bit
 * operations they can run eight at a time, and the scalar code must give the same bits. Within about 1 ulp
 * of {@link Math#exp} (tested).
 *
 * <p>2^n · e^r with n = round(x / ln 2) and r = x − n·ln 2 (|r| ≤ ln2/2), e^r by its Taylor polynomial to
 * degree 13, and 2^n written straight into the exponent bits. Below {@link #MIN} the result is 0; NaN stays NaN.
 * (For x &gt; 0 it is e^x too, up to x ≈ 709.08, where 2^n stops fitting.)
 *
 * <p>The polynomial is 1 + r·(1 + r·(1/2 + r/6 + r²·T(r))), where T(r) = 1/4! + r/5! + … + r⁹/13! is evaluated by
 * Estrin's scheme (pairs a + b·r, then pairs of those with r², r⁴, r⁸): every step waits for at most four
 * multiplications, where Horner's rule chains thirteen. A vector core runs the steps of several lanes and
 * elements side by side only when they do not wait for each other, so this is what makes the vector sigmoid
 * fast. T's rounding errors are scaled by r⁴ ≤ 0.015, and the last two steps are Horner's.
 */
public final class Exp {
    /** log2(e). */
    static final double LOG2_E = 1.4426950408889634;
    /** ln 2 split in two (Cody–Waite): LN2_HI has trailing zero bits, so n·LN2_HI is exact for |n| ≤ 2^11. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds a double of magnitude &lt; 2^51 to an integer, held in the low mantissa bits. */
    static final double ROUNDER = 6755399441055744.0;
    /** Below this e^x is subnormal (x &lt; −1022·ln 2); the result is then flushed to 0 (less than 2.3e−308 off). */
    static final double MIN = -708.3964185322641;
    /** One unit of a double's exponent field: 2^52 as a long. */
    static final long EXPONENT_UNIT = 1L << 52;
    /**
     * 1/k! at index k, k = 0 … 13: the Taylor polynomial of e^r, |r| ≤ ln2/2; the truncation error is below
     * 4.2e−18.
     */
    static final double[] TAYLOR = {
        1.0, 1.0, 0.5, 1.0 / 6.0, 1.0 / 24.0, 1.0 / 120.0, 1.0 / 720.0, 1.0 / 5040.0, 1.0 / 40320.0, 1.0 / 362880.0,
        1.0 / 3628800.0, 1.0 / 39916800.0, 1.0 / 479001600.0, 1.0 / 6227020800.0,
    };
    private static final double C2 = TAYLOR[2], C3 = TAYLOR[3], C4 = TAYLOR[4], C5 = TAYLOR[5], C6 = TAYLOR[6],
            C7 = TAYLOR[7], C8 = TAYLOR[8], C9 = TAYLOR[9], C10 = TAYLOR[10], C11 = TAYLOR[11], C12 = TAYLOR[12],
            C13 = TAYLOR[13];

    private Exp() {
    }

    /** e^x for x ≤ 0. */
    public static double ofNonPositive(double x) {
        if (x < MIN) {
            return 0.0;
        }
        double t = Math.fma(x, LOG2_E, ROUNDER);
        double n = t - ROUNDER;
        double r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        double tail = Math.fma(Math.fma(C13, r, C12), r8,                                   // T(r), Estrin's scheme
                Math.fma(Math.fma(Math.fma(C11, r, C10), r2, Math.fma(C9, r, C8)), r4,
                        Math.fma(Math.fma(C7, r, C6), r2, Math.fma(C5, r, C4))));
        double h = Math.fma(tail, r2, Math.fma(C3, r, C2));
        double p = Math.fma(Math.fma(h, r, 1.0), r, 1.0);
        // The low bits of t hold n (t = 1.5·2^52 + n); 2^n has the biased exponent n + 1023.
        long n64 = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(ROUNDER);
        return p * Double.longBitsToDouble((n64 + 1023) * EXPONENT_UNIT);
    }
}
