package mlpkit.core.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Run in a JVM of its own by {@link ProductKernelsAtEveryWidthTest} (e.g. with {@code -XX:UseAVX=2}, which gives
 * 256-bit vectors): every tile of the product at that JVM's vector width against the fma chain, bit for bit, whole
 * and cut into column pieces, the SIMD conversion of bytes ({@link ByteScaling}) against the scalings' own values for every byte,
 * σ, softplus and the logistic loss's sum against their scalar maths.
 * Prints {@code <kernel> ok <count>} and exits 0, or prints the first difference and exits 1.
 */
public final class ProductBitsCheck {
    private ProductBitsCheck() {
    }

    public static void main(String[] args) {
        int[][] shapes = {{1, 1, 1}, {17, 9, 31}, {64, 784, 128}, {64, 128, 10}, {13, 257, 40}, {20, 300, 3}, {9, 520, 12},
                {13, 300, 56}, {26, 257, 200}, {9, 40, 100}, {4000, 8, 3}, {7, 6, 7}, {130, 64, 40}, {784, 64, 128}, {101, 300, 72},
                {4000, 3, 1}, {33, 20, 2}, {9, 5, 1}, {4000, 1, 3}, {37, 1, 5}, {37, 1, 1}};
        List<GemmKernel> kernels = new ArrayList<>(List.of(VectorGemm.INSTANCE));
        VectorTiles.SHAPES.forEach(shape -> kernels.add(VectorGemm.withTile(shape)));
        int checked = 0;
        for (int[] shape : shapes) {
            int m = shape[0], k = shape[1], n = shape[2];
            MersenneTwister rng = new MersenneTwister(31L * m + 7L * k + n);
            double[] a = gaussian(rng, m * k), aT = gaussian(rng, k * m), b = gaussian(rng, k * n);
            double[] start = gaussian(rng, m * n), bias = gaussian(rng, n);
            for (boolean accumulate : new boolean[] {false, true}) {
                for (boolean transposed : new boolean[] {false, true}) {
                    double[] x = transposed ? aT : a;
                    int ars = transposed ? 1 : k, ads = transposed ? m : 1;
                    double[] withBias = accumulate ? null : bias;
                    double[] expected = chain(m, n, k, x, ars, ads, b, start, accumulate, withBias);
                    for (GemmKernel kernel : kernels) {
                        double[] c = start.clone();
                        kernel.gemm(0, m, n, k, x, 0, ars, ads, b, 0, c, 0, accumulate, withBias, 0);
                        String where = m + "x" + k + "x" + n + " accumulate=" + accumulate + " transposed=" + transposed;
                        requireBits(expected, c, kernel.name() + " at " + where);
                        checked++;
                        // The same product cut into column pieces (what threads share when C has few rows), last to first.
                        double[] pieces = start.clone();
                        for (int q = kernel.columnPieces(n) - 1; q >= 0; q--) {
                            kernel.gemmPieces(0, m, q, q + 1, n, k, x, 0, ars, ads, b, 0, pieces, 0, accumulate, withBias, 0);
                        }
                        requireBits(expected, pieces, kernel.name() + " in column pieces at " + where);
                        checked++;
                    }
                }
            }
        }
        byte[] bytes = new byte[256 + 7];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        for (double[] map : new double[][] {{0, 255, 0}, {0, 127.5, -1}, {0, 1, 0}, {72.94035223214286, 90.02118235130519, 0}}) {
            double[] out = new double[bytes.length];
            int done = VectorMaps.INSTANCE.scaleBytes(bytes, 0, out, 0, bytes.length, map[0], map[1], 1 / map[1], map[2]);
            for (int i = 0; i < done; i++) {
                double expected = ((bytes[i] & 0xFF) - map[0]) / map[1] + map[2];
                if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(expected)) {
                    System.out.println("byte scaling (v - " + map[0] + ") / " + map[1] + " + " + map[2] + " differs at byte " + (bytes[i] & 0xFF)
                            + ": " + out[i] + " vs " + expected);
                    System.exit(1);
                }
            }
            if (done != (VectorGemm.LANES >= 4 ? 256 : 0)) {
                System.out.println("byte scaling converted " + done + " of " + bytes.length + " bytes");
                System.exit(1);
            }
        }
        // σ through the vector fast path (whole vectors) against the scalar maths, over every range of e^x's argument.
        double[] z = new double[4099];
        MersenneTwister rng = new MersenneTwister(3);
        for (int i = 0; i < z.length; i++) {
            z[i] = switch (i % 4) {
                case 0 -> rng.nextGaussian() * 4;
                case 1 -> (rng.nextDouble() - 0.5) * 1500;
                case 2 -> Exp.MIN - rng.nextDouble() * 2;
                default -> new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 709.5, -745.2}[i / 4 % 7];
            };
        }
        double[] sigma = new double[z.length];
        int vectorised = VectorMaps.INSTANCE.sigmoid(z, 0, sigma, 0, z.length);
        mlpkit.core.activation.Sigmoid scalar = new mlpkit.core.activation.Sigmoid();
        for (int i = 0; i < vectorised; i++) {
            if (Double.doubleToRawLongBits(sigma[i]) != Double.doubleToRawLongBits(scalar.value(z[i]))) {
                System.out.println("sigmoid differs at z = " + z[i] + ": " + sigma[i] + " vs " + scalar.value(z[i]));
                System.exit(1);
            }
        }
        if (vectorised != z.length / VectorGemm.LANES * VectorGemm.LANES) {
            System.out.println("the sigmoid's vector path did " + vectorised + " of " + z.length + " values");
            System.exit(1);
        }
        // softplus likewise, over the same z and z/1000 (within ±1.5, where log1p's second branch works).
        mlpkit.core.activation.Softplus softplus = new mlpkit.core.activation.Softplus();
        for (double divisor : new double[] {1, 1000}) {
            double[] zz = new double[z.length], soft = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                zz[i] = z[i] / divisor;
            }
            int done = VectorMaps.INSTANCE.softplus(zz, 0, soft, 0, zz.length);
            for (int i = 0; i < done; i++) {
                double expected = softplus.value(zz[i]);
                if (Double.doubleToRawLongBits(soft[i]) != Double.doubleToRawLongBits(expected) && !(Double.isNaN(expected) && Double.isNaN(soft[i]))) {
                    System.out.println("softplus differs at z = " + zz[i] + ": " + soft[i] + " vs " + expected);
                    System.exit(1);
                }
            }
        }
        // The logistic loss of the same z (NaN and the infinities left out: their sums are NaN on every path) against
        // labels 0, ½ and 1, summed entry after entry: the same bits at every width.
        double[] finite = new double[z.length], labels = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            finite[i] = Double.isFinite(z[i]) ? z[i] : i % 3 - 1.0;
            labels[i] = i % 3 / 2.0;
        }
        int whole = VectorMaps.INSTANCE.vectorPart(finite.length);
        double expected = 0;
        for (int i = 0; i < whole; i++) {
            expected += logisticLoss(finite[i], labels[i]);
        }
        double loss = VectorMaps.INSTANCE.logisticLossSum(finite, 0, labels, 0, finite.length, 0.0);
        if (Double.doubleToRawLongBits(loss) != Double.doubleToRawLongBits(expected) || !Double.isFinite(loss)) {
            System.out.println("the logistic loss sums to " + loss + " on the vector path, " + expected + " entry by entry");
            System.exit(1);
        }
        // Entry by entry: each z in lane 0, the other lanes z = −1000 and y = 0, whose loss is exactly 0.
        double[] one = new double[VectorGemm.LANES], oneLabel = new double[VectorGemm.LANES];
        Arrays.fill(one, -1000.0);
        for (int i = 0; i < finite.length; i++) {
            one[0] = finite[i] / (i % 2 == 0 ? 1 : 1000);   // a half of them within ±1.5, where log1p's second branch works
            oneLabel[0] = labels[i];
            double entry = logisticLoss(one[0], labels[i]);
            double actual = VectorMaps.INSTANCE.logisticLossSum(one, 0, oneLabel, 0, one.length, 0.0);
            if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(entry)) {
                System.out.println("the logistic loss at z = " + one[0] + ", y = " + labels[i] + " is " + actual + " on the vector path, "
                        + entry + " in scalar code");
                System.exit(1);
            }
        }
        System.out.println(VectorGemm.INSTANCE.name() + " ok " + checked);
    }

    /** ℓ(z, y) = (max(z, 0) − z·y) + log1p(e^−|z|) in scalar code, as the binary cross-entropy of a logit computes it. */
    static double logisticLoss(double z, double y) {
        return Math.max(z, 0) - z * y + Log1p.ofUnitInterval(Exp.ofNonPositive(-Math.abs(z)));
    }

    /** Exits with status 1, naming the first entry that differs, unless {@code actual} has the bits of {@code expected}. */
    private static void requireBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(actual[i]) != Double.doubleToRawLongBits(expected[i])) {
                System.out.println(what + " differs at entry " + i + ": " + actual[i] + " vs " + expected[i]);
                System.exit(1);
            }
        }
    }

    private static double[] gaussian(MersenneTwister rng, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = rng.nextGaussian();
        }
        return values;
    }

    private static double[] chain(int m, int n, int k, double[] a, int ars, int ads, double[] b, double[] c0, boolean accumulate,
                                  double[] bias) {
        double[] c = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[i * n + j] : 0.0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[i * ars + p * ads], b[p * n + j], s);
                }
                c[i * n + j] = bias == null ? s : s + bias[j];
            }
        }
        return c;
    }
}
