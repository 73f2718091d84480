package mlpkit.core.matrix;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads the products of one network use: the calling thread plus {@code count − 1} workers.
 * A product is cut into fixed chunks: the kernel's column panels when C has few rows (a batch) or A is small (the
 * weight gradient xᵀ·δ), else consecutive rows (two chunks per thread, in multiples of the register tile's rows);
 * every entry is computed by the same chain whichever thread takes its chunk ({@link GemmKernel}), so results are
 * bit-identical at any thread count.
 *
 * <p><b>Owner computes.</b> The column panels are not handed out first come, first served: thread t owns the same
 * columns of every product with n columns ({@link #sharePieces}), so x·W and the weight gradient xᵀ·δ read W's and
 * write dW's columns on the core whose cache already holds them, batch after batch. Handing the panels out as they
 * came moved W₁ and dW₁ between the cores every batch. A thread that has done its own chunks takes those another
 * thread has not started, from the far end of its share: when a worker is not scheduled, the caller does its work
 * rather than wait for it. Chunks of rows are still claimed from one counter. Work other than products (the
 * optimiser's update) can be shared the same way ({@link #forOwnedChunks}). Workers spin briefly for the next product (a
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

    /** Products whose A takes at most this many entries (1 MiB) may be cut by columns: each thread reads all of A. */
    private static final long SHARED_A = 1L << 17;
    private static final int SHARE_CACHE = 8;

    private static final KernelThreads SINGLE = new KernelThreads(1);

    private final int count;
    private final Thread[] workers;
    private volatile boolean closed;

    // The current product, written by the caller before it publishes `claims`.
    private GemmKernel kernel;
    private int m, n, k, ao, ars, ads, bo, co, chunkRows, chunks;
    /** Whether the current work is in shares, one per thread ({@link #shares}), rather than claimed from {@link #claims}. */
    private boolean owned;
    /** Thread t's share of the current chunks: (next << 32) | end; it takes from next, the others from end. */
    private final AtomicLongArray shares;
    /** The shares of the next work, published by {@link #runAll} once the count of finished chunks is reset. */
    private final long[] pendingShares;
    /** For a few column counts n (a network has few): the first piece of each thread's share, count + 1 entries. */
    private final int[] shareN = new int[SHARE_CACHE];
    private final GemmKernel[] shareKernel = new GemmKernel[SHARE_CACHE];
    private final int[][] sharePieces = new int[SHARE_CACHE][];
    private int shareNext;
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
        this.shares = new AtomicLongArray(count);
        this.pendingShares = new long[count];
        java.util.Arrays.fill(shareN, -1);
        for (int w = 0; w < workers.length; w++) {
            int self = w + 1;
            workers[w] = new Thread(() -> work(self), "mlpkit-kernels-" + self);
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
        requireOpen();
        // C with few rows (a batch) is cut by columns, into the kernel's panels of B: a chunk of rows would stream
        // all of B (for x·W1 that is W1) in every thread, a panel only its own columns. So is a product whose A is
        // small (the weight gradient xᵀ·δ of a batch): each thread reads its own columns of δ and writes the same
        // columns of dW every batch.
        // The panels are owned (see the class comment). Many rows are cut into two chunks a thread, whole register
        // tiles each, claimed from one counter, so that a thread the OS does not schedule holds back only half its
        // share. Every entry is the same chain whichever thread computes it.
        int pieces = kernel.columnPieces(n);
        boolean fewRows = m <= SMALL_ROWS * count;
        boolean byColumns = pieces >= count && (fewRows || (long) m * k <= SHARED_A);
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
        this.owned = byColumns;
        if (byColumns) {
            int[] first = sharePieces(kernel, n);
            for (int t = 0; t < count; t++) {
                pendingShares[t] = (long) first[t] << 32 | first[t + 1];
            }
        }
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
     * The first piece of each thread's share of n columns (count + 1 entries, the last the piece count): consecutive
     * pieces, the bounds where the columns divide most evenly. Remembered for the last few n, so that a training loop
     * computes them once; a network with more distinct widths recomputes them into the same arrays (no allocation).
     */
    int[] sharePieces(GemmKernel kernel, int n) {
        for (int e = 0; e < SHARE_CACHE; e++) {
            if (shareN[e] == n && shareKernel[e] == kernel) {
                return sharePieces[e];
            }
        }
        int pieces = kernel.columnPieces(n);
        int slot = shareNext;
        shareNext = (shareNext + 1) % SHARE_CACHE;
        int[] first = sharePieces[slot] != null ? sharePieces[slot] : new int[count + 1];
        first[0] = 0;
        first[count] = pieces;
        int q = 0, start = 0;
        for (int t = 1; t < count; t++) {
            double target = (double) t * n / count;
            // Move the bound to the piece start nearest the target, leaving at least one piece for each later thread.
            while (q + 1 <= pieces - (count - t)) {
                int next = kernel.pieceStart(n, q + 1);
                if (Math.abs(next - target) > Math.abs(start - target) && q > first[t - 1]) {
                    break;
                }
                q++;
                start = next;
            }
            first[t] = q;
        }
        sharePieces[slot] = first;
        shareN[slot] = n;
        shareKernel[slot] = kernel;
        return first;
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
        runTask(task, count, false);
    }

    /** Runs a task's chunks on the threads: claimed from one counter, or from the shares set in pendingShares. */
    private void runTask(Chunks task, int chunks, boolean owned) {
        requireOpen();
        this.task = task;
        this.chunks = chunks;
        this.owned = owned;
        try {
            runAll();
        } finally {
            this.task = null;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("these kernel threads were closed; start new ones for another training");
        }
    }

    /**
     * Runs chunks [0, count() · perThread) of {@code task}, thread t (the caller is 0) those from t · perThread on, the
     * same chunks on the same thread every call (what it does not get to, another thread takes from the far end), and
     * returns when all are done. For work whose data should stay on one core from call to call (the optimiser's
     * update, {@code ParameterShares}).
     */
    public void forOwnedChunks(int perThread, Chunks task) {
        if (perThread < 1) {
            throw new IllegalArgumentException("perThread must be at least 1, got " + perThread);
        }
        if (this.count == 1) {
            for (int chunk = 0; chunk < perThread; chunk++) {
                task.run(chunk);
            }
            return;
        }
        for (int t = 0; t < count; t++) {
            pendingShares[t] = (long) (t * perThread) << 32 | (t + 1) * perThread;
        }
        runTask(task, count * perThread, true);
    }

    /** Publishes the current work (fields written before), takes part in it, and waits for every chunk. */
    private void runAll() {
        completed.set(0);
        if (owned) {
            // After the reset: a worker still leaving the last work may take a chunk of this one as soon as it is here.
            for (int t = 0; t < count; t++) {
                shares.set(t, pendingShares[t]);
            }
        }
        long gen = generation + 1;
        claims.set(gen << 32);                 // publishes the fields above to a worker that claims a chunk
        generation = gen;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        runChunks(gen, 0);
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

    /** Claims and computes chunks of work {@code gen} until none is left. */
    private void runChunks(long gen, int self) {
        if (owned) {
            runOwned(self);
        } else {
            runClaimed(gen);
        }
    }

    /**
     * Thread {@code self}'s share from the front, then what is left of the others' from the back. A worker that woke
     * late may read an older {@link #owned}; it acts only on a chunk it wins from {@link #shares}, which the caller
     * sets after the work's fields, and sets only while the work is not finished, so the fields it then reads are that
     * work's.
     */
    private void runOwned(int self) {
        while (true) {
            long share = shares.get(self);
            int next = (int) (share >>> 32), end = (int) share;
            if (next >= end) {
                break;
            }
            if (shares.compareAndSet(self, share, share + (1L << 32))) {
                runChunk(next);
            }
        }
        for (int d = 1; d < count; d++) {
            int other = (self + d) % count;
            while (true) {
                long share = shares.get(other);
                int next = (int) (share >>> 32), end = (int) share;
                if (next >= end) {
                    break;
                }
                if (shares.compareAndSet(other, share, share - 1)) {
                    runChunk(end - 1);
                }
            }
        }
    }

    /** Claims chunks of work {@code gen} from the one counter until none is left. */
    private void runClaimed(long gen) {
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
            runChunk(chunk);
        }
    }

    /** Computes one chunk of the current work and counts it done (a failure is kept for the caller to throw). */
    private void runChunk(int chunk) {
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

    private void work(int self) {
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
            runChunks(seen, self);
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
