package mlpkit.spark.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Spark jobs seen while listening, with their start and end times: the loss evaluations of an L-BFGS run are its
 * jobs with a stage named after the call that sums the partitions' results, one job per evaluation: MLlib's cost
 * function calls {@code treeAggregate}, mlpkit's objective {@code collect} in {@code OrderedSums} (with fewer than 8
 * partitions; from 8 on, a {@code groupByKey} stage precedes that collect in the same job).
 */
final class JobClock extends SparkListener {
    private final SparkContext context;
    private final List<long[]> evaluations = new ArrayList<>();   // {jobId, start ms, end ms}
    private int jobs;

    JobClock(SparkContext context) {
        this.context = context;
        context.addSparkListener(this);
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        jobs++;
        for (int i = 0; i < start.stageInfos().size(); i++) {
            String stage = start.stageInfos().apply(i).name();
            if (stage.startsWith("treeAggregate") || stage.startsWith("collect at OrderedSums")) {
                evaluations.add(new long[]{start.jobId(), start.time(), -1});
                return;
            }
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        for (long[] job : evaluations) {
            if (job[0] == end.jobId()) {
                job[2] = end.time();
            }
        }
    }

    /** Forgets the jobs seen so far. */
    void reset() {
        settle();
        synchronized (this) {
            evaluations.clear();
            jobs = 0;
        }
    }

    /** Evaluation jobs since the last reset. */
    int evaluations() {
        settle();
        synchronized (this) {
            return evaluations.size();
        }
    }

    /** All jobs since the last reset. */
    int jobs() {
        settle();
        synchronized (this) {
            return jobs;
        }
    }

    /** Milliseconds from the first evaluation job's start to the last one's end, 0 without any. */
    long evaluationWindowMillis() {
        settle();
        synchronized (this) {
            return evaluations.isEmpty() ? 0 : evaluations.get(evaluations.size() - 1)[2] - evaluations.get(0)[1];
        }
    }

    /**
     * Waits until Spark has delivered every event posted so far (its bus's waitUntilEmpty is Spark-private only in
     * Scala). Never called holding this object's lock: the bus's thread needs it to deliver those events.
     */
    private void settle() {
        try {
            context.listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not empty: " + e.getMessage(), e);
        }
    }
}
