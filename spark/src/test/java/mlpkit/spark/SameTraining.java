package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.dsl.train.TrainingResult;

/** The check that a run on Spark trained as the local run did: epoch by epoch and parameter by parameter. */
final class SameTraining {
    /** Distributed == local: the partitions' sums are added in another order than the local sum. */
    static final double RELATIVE = 1e-9;

    private SameTraining() {
    }

    /** |a − b| relative to b, or absolute below 1. */
    static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.abs(b));
    }

    /** The same epochs, every epoch's train_loss and every final parameter to {@link #RELATIVE}. */
    static void assertSameTraining(TrainingResult local, TrainingResult spark) {
        assertEquals(local.getEpochs(), spark.getEpochs());
        for (int e = 0; e < local.getHistory().size(); e++) {
            double a = spark.getHistory().get(e).getMetrics().get("train_loss");
            double b = local.getHistory().get(e).getMetrics().get("train_loss");
            assertTrue(relative(a, b) < RELATIVE, "train_loss of epoch " + (e + 1) + ": " + a + " vs " + b);
        }
        double[] p = spark.parameters();
        double[] q = local.parameters();
        for (int i = 0; i < q.length; i++) {
            assertTrue(relative(p[i], q[i]) < RELATIVE, "parameter " + i + ": " + p[i] + " vs " + q[i]);
        }
    }
}
