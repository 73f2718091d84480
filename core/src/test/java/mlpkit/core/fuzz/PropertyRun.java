package mlpkit.core.fuzz;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property: one check of one random input, repeated for many inputs, each drawn from its own
 * {@link Random} whose seed comes from one run seed. The default suite uses {@link #withSeed} (a fixed run
 * seed, so CI sees the same inputs every time); the long fuzz run ({@code mvn -B verify -Pfuzz}, tests
 * tagged {@code fuzz}) uses {@link #fuzz} (a fresh run seed, or {@code -Dmlpkit.fuzz.seed=…} to repeat one,
 * and {@code -Dmlpkit.fuzz.tries=…} to change the count). A failure names the try and the run seed.
 */
public final class PropertyRun {
    /** The system property that fixes the run seed of a fuzz run. */
    public static final String SEED_PROPERTY = "mlpkit.fuzz.seed";
    /** The system property that sets the number of tries of a fuzz run. */
    public static final String TRIES_PROPERTY = "mlpkit.fuzz.tries";

    private PropertyRun() {
    }

    /** Checks {@code tries} inputs drawn from {@code runSeed}: the same inputs on every run. */
    public static void withSeed(long runSeed, int tries, Consumer<Random> check) {
        run(runSeed, tries, check, "");
    }

    /** Checks {@code tries} inputs (or {@code -Dmlpkit.fuzz.tries}) drawn from a fresh seed (or {@code -Dmlpkit.fuzz.seed}). */
    public static void fuzz(int tries, Consumer<Random> check) {
        String fixed = System.getProperty(SEED_PROPERTY);
        long runSeed = fixed == null || fixed.isBlank() ? System.nanoTime() : Long.parseLong(fixed.trim());
        String count = System.getProperty(TRIES_PROPERTY);
        int n = count == null || count.isBlank() ? tries : Integer.parseInt(count.trim());
        run(runSeed, n, check, "; repeat with -D" + SEED_PROPERTY + "=" + runSeed);
    }

    private static void run(long runSeed, int tries, Consumer<Random> check, String repeat) {
        SplittableRandom seeds = new SplittableRandom(runSeed);
        for (int i = 0; i < tries; i++) {
            long seed = seeds.nextLong();
            try {
                check.accept(new Random(seed));
            } catch (Throwable e) {
                throw new AssertionError("property failed on try " + (i + 1) + " of " + tries + " (run seed " + runSeed
                        + ", input seed " + seed + repeat + "): " + e.getMessage(), e);
            }
        }
    }
}
