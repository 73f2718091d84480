package mlpkit.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import mlpkit.core.matrix.KernelThreads;

/**
 * Which entries of a flat parameter vector each kernel thread updates: of every tensor (rows × columns, row-major), the
 * columns the thread computes in the products with that many columns ({@link KernelThreads#columnShare}). A dense
 * layer's x·W and weight gradient xᵀ·δ are cut by columns, so thread t reads W's and writes dW's columns of its share;
 * updating them on the same thread keeps W and dW in that core's cache from batch to batch, where updating all of
 * them on one thread moved them between the cores every batch.
 *
 * <p>Each thread's entries are cut into {@link #perThread()} chunks of about equal size, so that when a thread is
 * late the others can take part of its share ({@link KernelThreads#forOwnedChunks}). Which thread updates an entry
 * never changes its bits: the rules are entry-wise ({@link OptimizerSpec#entryWise}).
 */
public final class ParameterShares {
    /** Chunks per thread: enough to even out a late thread, few enough that a chunk is long. */
    private static final int PER_THREAD = 4;

    private final KernelThreads threads;
    private final int size;
    /** Chunk c: [from, to) pairs; thread t's chunks are [t · PER_THREAD, (t + 1) · PER_THREAD). */
    private final int[][] chunks;

    private ParameterShares(KernelThreads threads, int size, int[][] chunks) {
        this.threads = threads;
        this.size = size;
        this.chunks = chunks;
    }

    /**
     * The shares of a vector of {@code size} entries holding {@code tensors}, each {@code {offset, rows, columns}};
     * together they must cover every entry once.
     */
    public static ParameterShares of(KernelThreads threads, int size, int[][] tensors) {
        Objects.requireNonNull(threads, "threads");
        int count = threads.count();
        List<List<int[]>> ranges = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            ranges.add(new ArrayList<>());
        }
        long covered = 0;
        for (int[] tensor : tensors) {
            int offset = tensor[0], rows = tensor[1], cols = tensor[2];
            if (offset < 0 || rows < 1 || cols < 1 || (long) offset + (long) rows * cols > size) {
                throw new IllegalArgumentException("tensor {offset " + offset + ", " + rows + "×" + cols
                        + "} does not lie in a vector of " + size + " entries");
            }
            covered += (long) rows * cols;
            for (int t = 0; t < count; t++) {
                int c0 = threads.columnShare(cols, t), c1 = threads.columnShare(cols, t + 1);
                if (c0 == c1) {
                    continue;
                }
                if (c0 == 0 && c1 == cols) {
                    ranges.get(t).add(new int[] {offset, offset + rows * cols});   // whole rows: one range
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    ranges.get(t).add(new int[] {offset + r * cols + c0, offset + r * cols + c1});
                }
            }
        }
        if (covered != size) {
            throw new IllegalArgumentException("the tensors hold " + covered + " entries but the vector has " + size
                    + "; pass every tensor of the layout once");
        }
        int[][] chunks = new int[count * PER_THREAD][];
        for (int t = 0; t < count; t++) {
            cut(ranges.get(t), chunks, t * PER_THREAD);
        }
        return new ParameterShares(threads, size, chunks);
    }

    /** Cuts one thread's ranges into PER_THREAD chunks of about equal entry counts (a range may be cut in two). */
    private static void cut(List<int[]> ranges, int[][] chunks, int first) {
        long total = 0;
        for (int[] r : ranges) {
            total += r[1] - r[0];
        }
        int at = 0, from = ranges.isEmpty() ? 0 : ranges.get(0)[0];
        long done = 0;
        for (int c = 0; c < PER_THREAD; c++) {
            long goal = total * (c + 1) / PER_THREAD;
            List<Integer> pairs = new ArrayList<>();
            while (done < goal && at < ranges.size()) {
                int to = ranges.get(at)[1];
                int take = (int) Math.min(to - from, goal - done);
                pairs.add(from);
                pairs.add(from + take);
                done += take;
                from += take;
                if (from == to && ++at < ranges.size()) {
                    from = ranges.get(at)[0];
                }
            }
            chunks[first + c] = pairs.stream().mapToInt(Integer::intValue).toArray();
        }
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
