package mlpkit.core.distributed;

/**
 * Training rows held by an engine's workers, split into partitions in a fixed way (the same rows in the same
 * partitions every time, so a run repeats exactly). Features are one row per sample; targets are already encoded
 * (one-hot classes, scaled regression targets), as the network's output; weights, when present, multiply each row's
 * loss. Closing releases the workers' copies.
 */
public interface DistributedRows extends AutoCloseable {
    /** Rows over all partitions. */
    long rows();

    /** Partitions the rows are split into (some may be empty). */
    int partitions();

    /** Feature columns. */
    int inputs();

    /** Target columns (the network's outputs). */
    int outputs();

    /** Whether the rows carry sample weights. */
    boolean weighted();

    /**
     * How the targets are laid out ({@link DataParallel#score} needs it), or null when the rows do not say (rows
     * distributed from matrices).
     */
    default TargetLayout layout() {
        return null;
    }

    @Override
    void close();
}
