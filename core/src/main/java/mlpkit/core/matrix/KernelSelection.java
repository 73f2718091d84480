package mlpkit.core.matrix;

/**
 * Chooses the kernels: the Vector API ones ({@link VectorGemm}, {@link VectorMaps}) when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (the {@code mlp} launcher and the tests do
 * this) and its preferred vectors hold at least 2 doubles, otherwise the portable {@link ScalarGemm}
 * and {@link ScalarMaps}. {@code -Dmlpkit.kernels=scalar} forces the portable ones (for comparisons).
 *
 * <p>Warm-up: until C2 has compiled them, Vector API calls run as plain Java objects, some hundred
 * times slower than the scalar kernel; a short first run would spend seconds there. So a daemon
 * thread first drives the vector kernels over small operands of every code path, and the scalar
 * kernels serve until it is done. This switch is the one piece of shared mutable state in the
 * kernels, and it cannot change a result: both kernels compute the same bits ({@link GemmKernel},
 * {@link MapKernel}); only the speed differs.
 */
final class KernelSelection {
    /** The kernels this JVM will use once warm (the scalar ones when there is no Vector API). */
    private static final GemmKernel TARGET_PRODUCTS;
    private static final MapKernel TARGET_MAPS;
    /** The activation fast paths once warm; null without the Vector API. */
    private static final ActivationKernel TARGET_ACTIVATIONS;
    private static volatile boolean warm;

    static {
        Object[] vector = vectorKernels();
        TARGET_PRODUCTS = vector == null ? ScalarGemm.INSTANCE : (GemmKernel) vector[0];
        TARGET_MAPS = vector == null ? ScalarMaps.INSTANCE : (MapKernel) vector[1];
        TARGET_ACTIVATIONS = vector == null ? null : (ActivationKernel) vector[1];
        if (vector == null) {
            warm = true;
        } else {
            Thread warmUp = new Thread(KernelSelection::warmUp, "mlpkit-kernel-warm-up");
            warmUp.setDaemon(true);
            warmUp.setPriority(Thread.MIN_PRIORITY);
            warmUp.start();
        }
    }

    private KernelSelection() {
    }

    /** The product kernel to use now. */
    static GemmKernel products() {
        return warm ? TARGET_PRODUCTS : ScalarGemm.INSTANCE;
    }

    /** The element-wise kernel to use now. */
    static MapKernel maps() {
        return warm ? TARGET_MAPS : ScalarMaps.INSTANCE;
    }

    /** The activation fast paths to use now, or null (then the activations' scalar maths runs). */
    static ActivationKernel activations() {
        return warm ? TARGET_ACTIVATIONS : null;
    }

    /** Waits up to {@code timeoutMillis} for the warm-up; true when the target kernels are in use. */
    static boolean awaitWarm(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!warm && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return warm;
    }

    /** The kernel products run on once warm, e.g. {@code vector-512} or {@code scalar}. */
    static String productKernelName() {
        return TARGET_PRODUCTS.name();
    }

    private static Object[] vectorKernels() {
        if ("scalar".equals(System.getProperty("mlpkit.kernels"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            // Loaded by name so that this class links without the incubator module.
            GemmKernel products = (GemmKernel) Class.forName("mlpkit.core.matrix.VectorGemm").getDeclaredField("INSTANCE").get(null);
            MapKernel maps = (MapKernel) Class.forName("mlpkit.core.matrix.VectorMaps").getDeclaredField("INSTANCE").get(null);
            return products.name().equals("vector-64") ? null : new Object[] {products, maps};
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * Every tile and tail of the product (13 and 25 rows: 8 + 4 + 1 under the main tile, 12 + 1 and 12 + 8 + 4 + 1 down a
     * column one vector wide; 35 columns = two vectors, one vector
     * and an overlapping last vector with 512-bit vectors; 3 columns, vectors down the rows; both
     * strides; with and without accumulation and bias) and every map with a tail, until C2 has compiled
     * them. The depth is kept small: until then each vector operation is a heap object, and the warm-up
     * should cost little time and garbage.
     */
    private static void warmUp() {
        try {
            int m = 25, k = 6, n = 35, size = 8 * 13 + 5;
            double[] a = new double[m * k], b = new double[k * n], c = new double[m * n], bias = new double[n];
            double[] z = new double[size], out = new double[size];
            byte[] pixels = new byte[size];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.sin(i);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = Math.cos(i);
            }
            for (int i = 0; i < size; i++) {
                z[i] = (i % 17) - 8.5;
            }
            for (int round = 0; round < 12_000; round++) {
                boolean accumulate = (round & 1) == 1;
                double[] withBias = accumulate ? null : bias;
                int rows = (round & 2) == 0 ? 13 : m;
                TARGET_PRODUCTS.gemm(0, rows, n, k, a, 0, k, 1, b, 0, c, 0, accumulate, withBias, 0);
                TARGET_PRODUCTS.gemm(0, rows, n, k, a, 0, 1, rows, b, 0, c, 0, accumulate, withBias, 0);
                // Fewer columns than a vector: vectors down the rows, both strides of A.
                TARGET_PRODUCTS.gemm(0, rows, 3, k, a, 0, k, 1, b, 0, c, 0, false, withBias, 0);
                TARGET_PRODUCTS.gemm(0, rows, 3, k, a, 0, 1, rows, b, 0, c, 0, false, withBias, 0);
                TARGET_ACTIVATIONS.sigmoid(z, 0, out, 0, size);
                TARGET_ACTIVATIONS.sigmoidBackward(out, 0, z, 0, out, 0, size);
                TARGET_ACTIVATIONS.softplus(z, 0, out, 0, size);
                TARGET_ACTIVATIONS.leakyRelu(z, 0, 0.01, out, 0, size);
                TARGET_ACTIVATIONS.leakyReluBackward(z, 0, 0.0, out, 0, out, 0, size);
                TARGET_ACTIVATIONS.logisticLossSum(z, 0, out, 0, size, 0.0);
                TARGET_MAPS.addRowVector(c, 0, m, n, bias, 0);
                TARGET_MAPS.addColumnSums(c, 0, m, n, bias, 0);
                TARGET_MAPS.scaleBytes(pixels, round & 7, out, 0, size - 8, 127.5, 255.0, 1 / 255.0, -1.0);
            }
            warm = true;
        } catch (RuntimeException | LinkageError e) {
            // Stay on the scalar kernels: slower, the same results.
        }
    }
}
