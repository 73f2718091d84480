package mlpkit.core.matrix;

import java.util.concurrent.locks.LockSupport;

/**
 * The threads the products of one network use: the calling thread plus {@code count − 1} workers,
 * each product's output rows cut into {@code count} fixed consecutive ranges. Every entry of the
 * output is computed by the same chain whichever thread computes it ({@link GemmKernel}), so results
 * are bit-identical at any thread count.
 *
 * <p>Hand-off is by a volatile counter: a worker spins briefly (a product at MLP shapes takes ~100 µs,
 * and parking/unparking costs tens of µs), then parks. Each worker owns one job record that the caller
 * fills in, so a product allocates nothing. One caller at a time: a network and its threads belong to
 * one training loop. {@link #close()} stops the workers; {@link #single()} needs no closing.
 */
public final class KernelThreads implements AutoCloseable {
    /** Below this many multiply-adds a product is not worth splitting (hand-off costs ~1–5 µs). */
    private static final long SPLIT_THRESHOLD = 1L << 16;
    /** How long a worker spins for the next job before parking (the gap between products is short). */
    private static final long SPIN_NANOS = 50_000;

    private static final KernelThreads SINGLE = new KernelThreads(1);

    private final int count;
    private final Worker[] workers;
    private volatile boolean closed;

    private KernelThreads(int count) {
        this.count = count;
        this.workers = new Worker[count - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
        }
    }

    /** The calling thread alone: no workers, nothing to close. */
    public static KernelThreads single() {
        return SINGLE;
    }

    /** The calling thread plus {@code threads − 1} daemon workers; close it when the training ends. */
    public static KernelThreads start(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("kernel threads must be at least 1, got " + threads);
        }
        if (threads == 1) {
            return SINGLE;
        }
        KernelThreads pool = new KernelThreads(threads);
        for (Worker worker : pool.workers) {
            worker.thread.start();
        }
        return pool;
    }

    /** Threads taking part in each product, the caller included. */
    public int count() {
        return count;
    }

    /** The product kernel in use ({@code scalar} or {@code vector-512} …). */
    public static String kernelName() {
        return KernelSelection.productKernelName();
    }

    /** Rows [0, m) of a product, split into fixed ranges when it is large enough; see {@link GemmKernel}. */
    void gemm(int m, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo, double[] c, int co,
              boolean accumulate) {
        GemmKernel kernel = KernelSelection.products();
        int parts = count;
        if (parts == 1 || (long) m * n * k < SPLIT_THRESHOLD || m < 2 * parts) {
            kernel.gemm(0, m, n, k, a, ao, ars, ads, b, bo, c, co, accumulate);
            return;
        }
        if (closed) {
            throw new IllegalStateException("these kernel threads were closed; start new ones for another training");
        }
        // Rows in multiples of 8 (the register tile) so no part ends in a ragged tile when avoidable.
        int chunk = ((m + parts - 1) / parts + 7) & ~7;
        for (int w = 0; w < workers.length; w++) {
            int start = Math.min(m, (w + 1) * chunk);
            int end = Math.min(m, start + chunk);
            workers[w].post(kernel, start, end, n, k, a, ao, ars, ads, b, bo, c, co, accumulate);
        }
        kernel.gemm(0, Math.min(m, chunk), n, k, a, ao, ars, ads, b, bo, c, co, accumulate);
        for (Worker worker : workers) {
            worker.awaitDone();
        }
    }

    @Override
    public void close() {
        if (this == SINGLE || closed) {
            return;
        }
        closed = true;
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
        }
        for (Worker worker : workers) {
            try {
                worker.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One worker thread and its job record (written by the caller before {@code posted} is raised). */
    private final class Worker implements Runnable {
        final Thread thread;
        private volatile long posted;
        private volatile long done;
        private volatile Throwable failure;
        private GemmKernel kernel;
        private int i0, i1, n, k, ao, ars, ads, bo, co;
        private double[] a, b, c;
        private boolean accumulate;

        Worker(int index) {
            thread = new Thread(this, "mlpkit-kernels-" + index);
            thread.setDaemon(true);
        }

        void post(GemmKernel kernel, int i0, int i1, int n, int k, double[] a, int ao, int ars, int ads,
                  double[] b, int bo, double[] c, int co, boolean accumulate) {
            this.kernel = kernel;
            this.i0 = i0;
            this.i1 = i1;
            this.n = n;
            this.k = k;
            this.a = a;
            this.ao = ao;
            this.ars = ars;
            this.ads = ads;
            this.b = b;
            this.bo = bo;
            this.c = c;
            this.co = co;
            this.accumulate = accumulate;
            posted = posted + 1;            // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        void awaitDone() {
            long target = posted;
            while (done != target) {
                Thread.onSpinWait();
            }
            Throwable t = failure;
            if (t != null) {
                failure = null;
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long spinStart = System.nanoTime();
                while (posted == seen && !closed) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                if (closed && posted == seen) {
                    return;
                }
                seen = posted;
                try {
                    if (i1 > i0) {
                        kernel.gemm(i0, i1, n, k, a, ao, ars, ads, b, bo, c, co, accumulate);
                    }
                } catch (Throwable t) {
                    failure = t;
                }
                a = null;
                b = null;
                c = null;
                done = seen;
            }
        }
    }
}
