package mlpkit.core.optim;

import java.util.Objects;
import mlpkit.core.matrix.KernelThreads;

/**
 * Which entries of a flat parameter vector each kernel thread updates: thread t a consecutive t-th of the vector (in
 * {@link #perThread()} chunks), so that no cache line is written by two threads. Cutting each weight matrix by the
 * columns the thread's products compute (the column pieces it owns) was tried first, to keep W and dW in that
 * core's cache, but then every row of W has a cache line written by both threads at the cut, and on the AMD EPYC
 * VM the update took 90-120 µs at two threads against 23 µs at one (784 × 128 SGD); consecutive halves cost less
 * even though half of what a thread updates was computed on the other core (docs/speed.md, "Two threads").
 *
 * <p>When a thread is late the others can take part of its share ({@link KernelThreads#forOwnedChunks}). Which thread
 * updates an entry never changes its bits: the rules are entry-wise ({@link OptimizerSpec#entryWise}).
 */
public final class ParameterShares {
    /** Chunks per thread: enough to even out a late thread, few enough that a chunk is long. */
    private static final int PER_THREAD = 4;

    private final KernelThreads threads;
    private final int size;
    /** Chunk c: [from, to) pairs (one today); thread t's chunks are [t · PER_THREAD, (t + 1) · PER_THREAD). */
    private final int[][] chunks;

    private ParameterShares(KernelThreads threads, int size, int[][] chunks) {
        this.threads = threads;
        this.size = size;
        this.chunks = chunks;
    }

    /** The shares of a vector of {@code size} entries between {@code threads}. */
    public static ParameterShares of(KernelThreads threads, int size) {
        Objects.requireNonNull(threads, "threads");
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, got " + size);
        }
        int chunkCount = threads.count() * PER_THREAD;
        int[][] chunks = new int[chunkCount][];
        for (int c = 0; c < chunkCount; c++) {
            chunks[c] = new int[] {(int) ((long) size * c / chunkCount), (int) ((long) size * (c + 1) / chunkCount)};
        }
        return new ParameterShares(threads, size, chunks);
    }

    public KernelThreads threads() {
        return threads;
    }

    /** The length of the parameter vector these shares cut. */
    public int size() {
        return size;
    }

    /** Chunks each thread owns ({@link KernelThreads#forOwnedChunks}). */
    public int perThread() {
        return PER_THREAD;
    }

    /** Chunk {@code c}'s ranges as {@code from, to} pairs; live, do not change it. */
    int[] chunk(int c) {
        return chunks[c];
    }
}
