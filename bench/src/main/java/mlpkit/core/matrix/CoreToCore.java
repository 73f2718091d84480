package mlpkit.core.matrix;

/**
 * The round trip of one cache line between two threads (each waits for the other's write, then writes back): what
 * every hand-off between the kernel threads costs at least, and what a cache line written on one core costs the other.
 * On a VM it changes with where the host puts the virtual CPUs (docs/speed.md, "Two threads").
 *
 * <pre>java -cp bench/target/benchmarks.jar mlpkit.core.matrix.CoreToCore [round trips]</pre>
 */
public final class CoreToCore {
    private static volatile long flag;

    private CoreToCore() {
    }

    public static void main(String[] args) throws InterruptedException {
        long trips = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        Thread other = new Thread(() -> {
            for (long i = 1; i <= trips; i++) {
                while (flag != 2 * i - 1) {
                    Thread.onSpinWait();
                }
                flag = 2 * i;
            }
        }, "core-to-core");
        other.start();
        long start = System.nanoTime();
        for (long i = 1; i <= trips; i++) {
            flag = 2 * i - 1;
            while (flag != 2 * i) {
                Thread.onSpinWait();
            }
        }
        long elapsed = System.nanoTime() - start;
        other.join();
        System.out.printf("round_trip_ns=%.0f trips=%d%n", (double) elapsed / trips, trips);
    }
}
