package mlpkit.core.matrix;

/**
 * mlpkit's own log(1 + x) for 0 ≤ x ≤ 1: all that softplus and the binary cross-entropy of logits need, as
 * log1p(e^−|z|), rather than {@link Math#log1p}, which is not an intrinsic (a call into fdlibm for every entry)
 * and which the vector kernels cannot run eight at a time. The scalar code here and the vector code give the
 * same bits; within 1 ulp of {@link StrictMath#log1p} (tested).
 *
 * <p>1 + x = 2^k · (1 + f) with f exact: k = 0 and f = x below ½, else k = 1 and f = (x − 1)/2 (x − 1 is exact
 * there, and so is halving it), so f ∈ [−¼, ½). Then with s = f / (2 + f) ∈ [−⅐, ⅕]:
 *
 * <pre>
 *   log(1 + f) = 2·atanh(s) = 2s + 2s³/3 + 2s⁵/5 + …  = f − s·f + 2s·s²·P(s²),   P(w) = 1/3 + w/5 + w²/7 + … + w¹¹/25
 *   log(1 + x) = (k·ln2_lo + log(1 + f)) + k·ln2_hi
 * </pre>
 *
 * using 2s = f − s·f, so the leading term f is exact and every rounded part is at most a fifth of it. The series
 * is cut after s²⁵: the first term left out, 2s·s²⁶/27, is below 2.6e−18 of 2s. P is evaluated by Estrin's scheme
 * (pairs in w, then w², w⁴, w⁸), as {@link Exp}'s polynomial, so that a vector core overlaps its steps.
 */
public final class Log1p {
    /** 1/(2j + 3) at index j, j = 0 … 11: the coefficients of P. */
    static final double[] ATANH = {
        1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23, 1.0 / 25,
    };
    private static final double P0 = ATANH[0], P1 = ATANH[1], P2 = ATANH[2], P3 = ATANH[3], P4 = ATANH[4],
            P5 = ATANH[5], P6 = ATANH[6], P7 = ATANH[7], P8 = ATANH[8], P9 = ATANH[9], P10 = ATANH[10], P11 = ATANH[11];

    private Log1p() {
    }

    /** log(1 + x) for 0 ≤ x ≤ 1 (NaN stays NaN). */
    public static double ofUnitInterval(double x) {
        double k = x >= 0.5 ? 1.0 : 0.0;
        double f = x >= 0.5 ? (x - 1.0) * 0.5 : x;
        double s = f / (2.0 + f);
        double w = s * s, w2 = w * w, w4 = w2 * w2, w8 = w4 * w4;
        double p = Math.fma(Math.fma(Math.fma(P11, w, P10), w2, Math.fma(P9, w, P8)), w8,      // P(w), Estrin's scheme
                Math.fma(Math.fma(Math.fma(P7, w, P6), w2, Math.fma(P5, w, P4)), w4,
                        Math.fma(Math.fma(P3, w, P2), w2, Math.fma(P1, w, P0))));
        double log = f - Math.fma(s, f, -2.0 * s * w * p);
        return Math.fma(k, Exp.LN2_LO, log) + k * Exp.LN2_HI;
    }
}
