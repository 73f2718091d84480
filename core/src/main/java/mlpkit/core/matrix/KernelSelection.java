package mlpkit.core.matrix;

/**
 * Chooses the kernels once, when they are first used: the Vector API ones ({@link VectorGemm},
 * {@link VectorMaps}) when the JVM was started with {@code --add-modules jdk.incubator.vector} (the
 * {@code mlp} launcher and the tests do this) and its preferred vectors hold at least 2 doubles,
 * otherwise the portable {@link ScalarGemm} and {@link ScalarMaps}. Both give the same bits; only the
 * speed differs. {@code -Dmlpkit.kernels=scalar} forces the portable ones (for comparisons).
 */
final class KernelSelection {
    /** The product kernel every product uses in this JVM; chosen once, never changed. */
    static final GemmKernel PRODUCTS;
    /** The element-wise kernel of the activations in this JVM. */
    static final MapKernel MAPS;

    static {
        Object[] vector = vectorKernels();
        PRODUCTS = vector == null ? ScalarGemm.INSTANCE : (GemmKernel) vector[0];
        MAPS = vector == null ? ScalarMaps.INSTANCE : (MapKernel) vector[1];
    }

    private KernelSelection() {
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
}
