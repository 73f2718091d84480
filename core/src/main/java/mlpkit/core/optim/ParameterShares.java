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
    private final int chunkCount;

    private ParameterShares(KernelThreads threads, int size) {
        this.threads = threads;
        this.size = size;
        this.chunkCount = threads.count() * PER_THREAD;
    }

    /** The shares of a vector of {@code size} entries between {@code threads}. */
    public static ParameterShares of(KernelThreads threads, int size) {
        Objects.requireNonNull(threads, "threads");
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, got " + size);
        }
        return new ParameterShares(threads, size);
    }

    public KernelThreads threads() {
        return threads;
    }

    /** The length of the parameter vector these shares cut. */
    public int size() {
        return size;
    }

    /** Chunks each thread owns ({@link KernelThreads#forOwnedChunks}); thread t's are [t · perThread, (t + 1) · perThread). */
    public int perThread() {
        return PER_THREAD;
    }

    /** The first entry of chunk {@code c}: the chunks are consecutive and of equal length, give or take one. */
    int from(int c) {
        return (int) ((long) size * c / chunkCount);
    }

    /** The entry after chunk {@code c}'s last. */
    int to(int c) {
        return from(c + 1);
    }
}
