package mlpkit.core.network;

/**
 * How one seed drives every random stream of a run: stream {@code k} of seed {@code s} is seeded with
 * {@link #derive}{@code (s, k)}, SplitMix64 (Steele, Lea &amp; Flood 2014, the finaliser of
 * {@code java.util.SplittableRandom}) applied to {@code s + k · 0x9E3779B97F4A7C15}, keeping the high 32 bits:
 * nearby seeds and nearby stream numbers give unrelated 32-bit generator seeds, and the same seed always gives
 * the same streams. The stream numbers are fixed here, once, for everything that draws.
 */
public final class Seeds {
    /** The initial weights. */
    public static final int INIT = 1;
    /** The order of the mini-batches. */
    public static final int SHUFFLE = 2;
    /** Dropout masks and anything else a layer draws while training. */
    public static final int DROPOUT = 3;
    /** The train/validation/test split. */
    public static final int SPLIT = 4;
    /** The random state of a generated data set whose spec leaves it out. */
    public static final int DATA = 5;
    /** Data augmentation of the training batches. */
    public static final int AUGMENT = 6;
    /** The {@code randomState} of a cross-validation's folds whose spec leaves it out. */
    public static final int FOLDS = 7;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** A 32-bit seed (0 ≤ result &lt; 2³²) for stream number {@code stream} of {@code seed}. */
    public static long derive(long seed, int stream) {
        long z = seed + stream * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z >>> 32;
    }
}
