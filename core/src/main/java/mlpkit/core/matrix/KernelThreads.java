package mlpkit.core.matrix;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads the products of one network use: the calling thread plus {@code count − 1} workers.
 * A product is cut into fixed chunks that the threads claim one at a time: the kernel's column panels when C has
 * few rows (a batch), else consecutive rows (two chunks per thread, in multiples of the register tile's rows); every entry is computed by the same chain
 * whichever thread takes its chunk ({@link GemmKernel}), so results are bit-identical at any thread count.
 *
 * <p>Claiming rather than assigning matters on a shared machine: when a worker is not scheduled, the
 * caller takes its chunks instead of waiting for it. Workers spin briefly for the next product (a
 * product at MLP shapes takes ~100 µs, and parking costs tens of µs), then park. The product's
 * operands are published before its claim counter, so a product allocates nothing. One caller at a
 * time: a network and its threads belong to one training loop. {@link #close()} stops the workers;
 * {@link #single()} needs no closing.
 */
public final class KernelThreads implements AutoCloseable {
    /** Below this many multiply-adds a product is not worth splitting (a hand-off costs ~1–5 µs). */
    private static final long SPLIT_THRESHOLD = 1L << 16;
    /**
     * How long a worker spins for the next product before parking (-Dmlpkit.spinMicros). Between two products of a
     * training step the caller runs the element-wise work, tens of µs; between batches it also copies the next batch
     * and updates the weights. A worker that parked in such a gap wakes tens of µs late, and meanwhile the caller has
     * claimed its chunks. OpenMP runtimes spin for the same reason (libgomp 300,000 spins by default, Intel's 200 ms).
     */
    private static final long SPIN_NANOS = Long.getLong("mlpkit.spinMicros", 1_000) * 1_000;
    private static final int CHUNKS_PER_THREAD = 2;
    /** Up to this many rows of C a thread, one chunk each (see {@link #gemm}). */
    private static final int SMALL_ROWS = 128;
    /**
     * A product followed by an element-wise map is done in blocks of at least this many entries of C (16 KiB), each
     * block mapped as soon as it is finished, while it is in L1 (-Dmlpkit.mapBlock, for measurements).
     */
    private static final int MAP_BLOCK = Integer.getInteger("mlpkit.mapBlock", 2048);

    private static final KernelThreads SINGLE = new KernelThreads(1);

    private final int count;
    private final Thread[] workers;
    private volatile boolean closed;

    // The current product, written by the caller before it publishes `claims`.
    private GemmKernel kernel;
    private int m, n, k, ao, ars, ads, bo, co, chunkRows, chunks;
    private double[] a, b, c, bias, out;
    private Kernels.EntryMap map;
    /** The current {@link #forChunks} work, or null for a product. */
    private Chunks task;
    private int biasOffset, outOffset;
    private boolean accumulate, byColumns;
    /** (generation << 32) | next unclaimed chunk: a worker claims only chunks of the generation it woke for. */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger completed = new AtomicInteger();
    private volatile Throwable failure;
    private volatile long generation;

    private KernelThreads(int count) {
        this.count = count;
        this.workers = new Thread[count - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(this::work, "mlpkit-kernels-" + (w + 1));
            workers[w].setDaemon(true);
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
        for (Thread worker : pool.workers) {
            worker.start();
        }
        return pool;
    }

    /** Threads taking part in each product, the caller included. */
    public int count() {
        return count;
    }

    /** Rows [0, m) of a product, split into fixed chunks when it is large enough; see {@link GemmKernel}. */
    void gemm(int m, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo, double[] c, int co,
              boolean accumulate, double[] bias, int biasOffset) {
        gemm(m, n, k, a, ao, ars, ads, b, bo, c, co, accumulate, bias, biasOffset, null, null, 0);
    }

    /**
     * As {@link #gemm(int, int, int, double[], int, int, int, double[], int, double[], int, boolean, double[], int)},
     * then {@code out = map(c)} (when map is not null): each thread maps the rows it computed, a block at a time
     * ({@link #mappedRows}); a product cut by columns is mapped after all its pieces.
     */
    void gemm(int m, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo, double[] c, int co,
              boolean accumulate, double[] bias, int biasOffset, Kernels.EntryMap map, double[] out, int outOffset) {
        GemmKernel kernel = KernelSelection.products();
        if (count == 1 || (long) m * n * k < SPLIT_THRESHOLD || m < 16) {
            mappedRows(kernel, 0, m, n, k, a, ao, ars, ads, b, bo, c, co, accumulate, bias, biasOffset, map, out, outOffset);
            return;
        }
        if (closed) {
            throw new IllegalStateException("these kernel threads were closed; start new ones for another training");
        }
        // C with few rows (a batch) is cut by columns, into the kernel's panels of B: a chunk of rows would stream
        // all of B (for x·W1 that is W1) in every thread, a panel only its own columns. Many rows are cut into two
        // chunks a thread, whole register tiles each, so that a thread the OS does not schedule holds back only half
        // its share. Either way the threads claim the chunks, and every entry is the same chain.
        int pieces = kernel.columnPieces(n);
        boolean fewRows = m <= SMALL_ROWS * count;
        boolean byColumns = fewRows && pieces >= CHUNKS_PER_THREAD * count;
        int rows = m;
        if (!byColumns) {
            int wanted = count * (fewRows ? 1 : CHUNKS_PER_THREAD);
            int tile = kernel.tileRows();
            rows = ((m + wanted - 1) / wanted + tile - 1) / tile * tile;
        }
        this.kernel = kernel;
        this.m = m;
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
        this.bias = bias;
        this.biasOffset = biasOffset;
        this.accumulate = accumulate;
        this.map = byColumns ? null : map;
        this.out = out;
        this.outOffset = outOffset;
        this.chunkRows = rows;
        this.byColumns = byColumns;
        this.chunks = byColumns ? pieces : (m + rows - 1) / rows;
        try {
            runAll();
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
            this.bias = null;
            this.map = null;
            this.out = null;
        }
        if (byColumns && map != null) {
            map.mapEntries(c, co, out, outOffset, m * n);
        }
    }

    /**
     * Rows [r0, r1) of the product, then {@code out = map(c)} over them (map null: the product alone). The map
     * follows the product block by block, each block of rows mapped while it is still in L1: at least
     * {@link #MAP_BLOCK} entries, and at least k rows, because every block reads all of B again (k·n entries, so
     * never more than the block itself); whole register tiles. A small B (z = x·W1 of a narrow layer) is read from
     * L1 each time; a large one (784 × 128) makes blocks as long as the product, which is then mapped after it.
     */
    static void mappedRows(GemmKernel kernel, int r0, int r1, int n, int k, double[] a, int ao, int ars, int ads,
                           double[] b, int bo, double[] c, int co, boolean accumulate, double[] bias, int biasOffset,
                           Kernels.EntryMap map, double[] out, int outOffset) {
        if (map == null) {
            kernel.gemm(r0, r1, n, k, a, ao, ars, ads, b, bo, c, co, accumulate, bias, biasOffset);
            return;
        }
        int tile = kernel.tileRows();
        int block = (Math.max(k, (MAP_BLOCK + n - 1) / n) + tile - 1) / tile * tile;
        for (int i = r0; i < r1; i += block) {
            int end = Math.min(r1, i + block);
            kernel.gemm(i, end, n, k, a, ao, ars, ads, b, bo, c, co, accumulate, bias, biasOffset);
            map.mapEntries(c, co + i * n, out, outOffset + i * n, (end - i) * n);
        }
    }

    /**
     * Work cut into chunks that the threads can do in any order and at once (e.g. rows of a batch to copy): each
     * chunk writes only its own part. A chunk allocates nothing when {@code task} is an object made once.
     */
    @FunctionalInterface
    public interface Chunks {
        void run(int chunk);
    }

    /** Runs chunks [0, count) of {@code task} on these threads (the caller included) and returns when all are done. */
    public void forChunks(int count, Chunks task) {
        if (this.count == 1 || count == 1) {
            for (int chunk = 0; chunk < count; chunk++) {
                task.run(chunk);
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("these kernel threads were closed; start new ones for another training");
        }
        this.task = task;
        this.chunks = count;
        try {
            runAll();
        } finally {
            this.task = null;
        }
    }

    /** Publishes the current work (fields written before), takes part in it, and waits for every chunk. */
    private void runAll() {
        completed.set(0);
        long gen = generation + 1;
        claims.set(gen << 32);                 // publishes the fields above to a worker that claims a chunk
        generation = gen;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        runChunks(gen);
        int spins = 0;
        while (completed.get() < chunks) {
            if (++spins < 2_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();                // the worker holding the last chunk may need this core
            }
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

    /** Claims and computes chunks of product {@code gen} until none is left. */
    private void runChunks(long gen) {
        while (true) {
            long state = claims.get();
            if (state >>> 32 != gen) {
                return;
            }
            int chunk = (int) state;
            if (chunk >= chunks || !claims.compareAndSet(state, state + 1)) {
                if (chunk >= chunks) {
                    return;
                }
                continue;
            }
            try {
                if (task != null) {
                    task.run(chunk);
                } else if (byColumns) {
                    kernel.gemmPieces(0, m, chunk, chunk + 1, n, k, a, ao, ars, ads, b, bo, c, co, accumulate, bias, biasOffset);
                } else {
                    int start = chunk * chunkRows;
                    mappedRows(kernel, start, Math.min(m, start + chunkRows), n, k, a, ao, ars, ads, b, bo, c, co, accumulate,
                            bias, biasOffset, map, out, outOffset);
                }
            } catch (Throwable t) {
                failure = t;
            }
            completed.incrementAndGet();
        }
    }

    private void work() {
        long seen = 0;
        while (!closed) {
            long spinStart = System.nanoTime();
            while (generation == seen && !closed) {
                if (System.nanoTime() - spinStart < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation;
            runChunks(seen);
        }
    }

    @Override
    public void close() {
        if (this == SINGLE || closed) {
            return;
        }
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
