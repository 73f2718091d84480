package mlpkit.core.distributed;

import java.io.Serializable;
import java.util.Objects;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;

/**
 * How each partition trains in a round of parameter averaging: the optimiser (its notation, rebuilt on the worker),
 * the batch size, how many local steps (0: one pass over the partition's rows), whether batches are shuffled, the
 * loss reduction and weight normalisation of a batch, what happens to the optimiser's state between rounds, and
 * the seeds of the shuffling and dropout streams. Partition 0 draws from these seeds themselves, so that with one
 * partition a round of one local epoch is exactly a local epoch; partition {@code p > 0} from
 * {@code Seeds.derive(seed, p)}. Each stream continues from round to round.
 */
public final class AveragingPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the optimiser's state (momentum, Adam's moments, its step count) does between rounds. */
    public enum StateRule {
        /** Averaged over the partitions like the parameters (weighted by rows) and sent back: the default. */
        AVERAGE("average"),
        /** Dropped: every round starts each partition's optimiser afresh. */
        RESET("reset");

        private final String notation;

        StateRule(String notation) {
            this.notation = notation;
        }

        public String notation() {
            return notation;
        }

        /** The rule written as {@code text}; else an error that lists the rules. */
        public static StateRule parse(String text) {
            for (StateRule rule : values()) {
                if (rule.notation.equals(text)) {
                    return rule;
                }
            }
            throw new IllegalArgumentException("unknown optimiser-state rule '" + text + "': expected one of average, reset");
        }
    }

    private final String optimizer;
    private final int batchSize;
    private final int localSteps;
    private final boolean shuffle;
    private final Reduction reduction;
    private final WeightNormalization normalization;
    private final StateRule stateRule;
    private final long shuffleSeed;
    private final long dropoutSeed;

    /**
     * @param optimizer     the optimiser's notation, e.g. {@code adam(lr = 0.001)}; built-in optimisers only
     * @param batchSize     rows per local batch, at least 1
     * @param localSteps    local steps per round, or 0 for one pass over the partition's rows
     * @param shuffle       whether each local pass visits the rows in a fresh random order
     * @param reduction     the batch loss's reduction (as the local training loop's)
     * @param normalization the denominator of a weighted batch mean
     * @param stateRule     average or reset the optimiser's state between rounds
     * @param shuffleSeed   seed of partition 0's shuffling stream
     * @param dropoutSeed   seed of partition 0's dropout stream
     */
    public AveragingPlan(String optimizer, int batchSize, int localSteps, boolean shuffle, Reduction reduction,
                         WeightNormalization normalization, StateRule stateRule, long shuffleSeed, long dropoutSeed) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (localSteps < 0) {
            throw new IllegalArgumentException("localSteps must be 0 (one local epoch) or more, got " + localSteps);
        }
        this.batchSize = batchSize;
        this.localSteps = localSteps;
        this.shuffle = shuffle;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.stateRule = Objects.requireNonNull(stateRule, "stateRule");
        this.shuffleSeed = shuffleSeed;
        this.dropoutSeed = dropoutSeed;
    }

    public String optimizer() {
        return optimizer;
    }

    public int batchSize() {
        return batchSize;
    }

    public int localSteps() {
        return localSteps;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public Reduction reduction() {
        return reduction;
    }

    public WeightNormalization normalization() {
        return normalization;
    }

    public StateRule stateRule() {
        return stateRule;
    }

    public long shuffleSeed() {
        return shuffleSeed;
    }

    public long dropoutSeed() {
        return dropoutSeed;
    }

    @Override
    public String toString() {
        return "averaging(" + optimizer + ", batch " + batchSize + ", " + (localSteps == 0 ? "one local epoch" : localSteps + " local steps")
                + " per round, state " + stateRule.notation() + ")";
    }
}
