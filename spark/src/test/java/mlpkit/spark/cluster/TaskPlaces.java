package mlpkit.spark.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Records the executors on which tasks ended while it listens, so that a test can say where a round ran. */
final class TaskPlaces extends SparkListener implements AutoCloseable {
    private final SparkContext context;
    private final Set<String> executors = ConcurrentHashMap.newKeySet();
    private int tasks;

    private TaskPlaces(SparkContext context) {
        this.context = context;
    }

    /** Starts listening to {@code context}'s task ends. */
    static TaskPlaces listen(SparkContext context) {
        TaskPlaces places = new TaskPlaces(context);
        context.addSparkListener(places);
        return places;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        executors.add(end.taskInfo().executorId());
        tasks++;
    }

    /** The ids of the executors where tasks ended, once every event posted so far has been delivered. */
    Set<String> executors() {
        // Listener events arrive asynchronously; the bus's waitUntilEmpty is Spark-private in Scala but public
        // in bytecode, and it is the only exact way to wait for them.
        try {
            context.listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not empty: " + e.getMessage(), e);
        }
        return Set.copyOf(executors);
    }

    /** Tasks that ended while listening (call after {@link #executors()}). */
    synchronized int tasks() {
        return tasks;
    }

    @Override
    public void close() {
        context.removeSparkListener(this);
    }
}
