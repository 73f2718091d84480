package mlpkit.spark;

import java.io.Serializable;
import mlpkit.core.distributed.RowScores;
import mlpkit.core.distributed.TargetLayout;
import org.apache.spark.api.java.function.Function2;

/**
 * One partition's (then several partitions') scoring sums: rows, loss sum, and either the confusion counts or, per
 * output, Σ(y − ŷ)², Σ|y − ŷ|, max |y − ŷ| and the targets' mean and M2 (Welford per row, Chan's formula across
 * partitions, as {@link ColumnStats}).
 */
final class ScoreSums implements Serializable {
    private static final long serialVersionUID = 1L;

    long rows;
    double lossSum;
    final long[][] confusion;
    final double[] squared;
    final double[] absolute;
    final double[] max;
    final ColumnStats targets;

    ScoreSums(TargetLayout layout, int outputs, int classes) {
        boolean classifier = layout.classes();
        confusion = classifier ? new long[classes][classes] : null;
        squared = classifier ? null : new double[outputs];
        absolute = classifier ? null : new double[outputs];
        max = classifier ? null : new double[outputs];
        targets = classifier ? null : new ColumnStats(outputs);
    }

    /** Adds {@code other}'s rows. */
    ScoreSums merge(ScoreSums other) {
        rows += other.rows;
        lossSum += other.lossSum;
        if (confusion != null) {
            for (int i = 0; i < confusion.length; i++) {
                for (int j = 0; j < confusion.length; j++) {
                    confusion[i][j] += other.confusion[i][j];
                }
            }
        } else {
            for (int j = 0; j < squared.length; j++) {
                squared[j] += other.squared[j];
                absolute[j] += other.absolute[j];
                max[j] = Math.max(max[j], other.max[j]);
            }
            targets.merge(other.targets);
        }
        return this;
    }

    /** The figures for the driver. */
    RowScores scores() {
        return confusion != null
                ? new RowScores(rows, lossSum, confusion, null, null, null, null, null)
                : new RowScores(rows, lossSum, null, squared, absolute, max, targets.mean, targets.m2);
    }

    /** Merges two sums for {@code treeAggregate} with a null zero. */
    static final class Merge implements Function2<ScoreSums, ScoreSums, ScoreSums> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreSums call(ScoreSums left, ScoreSums right) {
            return left == null ? right : right == null ? left : left.merge(right);
        }
    }
}
