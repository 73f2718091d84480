package mlpkit.spark.cluster;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Where a task ran: the executor's id and its JVM's process id. A plain Java function, so that any executor can
 * run it once the test classes' jar has reached it.
 */
final class ExecutorProcess implements FlatMapFunction<Iterator<Integer>, ExecutorProcess.Seen> {
    private static final long serialVersionUID = 1L;

    /** A task's executor id and process id. */
    static final class Seen implements Serializable {
        private static final long serialVersionUID = 1L;
        final String executorId;
        final long pid;

        Seen(String executorId, long pid) {
            this.executorId = executorId;
            this.pid = pid;
        }

        @Override
        public String toString() {
            return "executor " + executorId + " (pid " + pid + ")";
        }
    }

    private final long holdMillis;

    /** Each task holds its executor for {@code holdMillis}, so that a job's tasks spread over free executors. */
    ExecutorProcess(long holdMillis) {
        this.holdMillis = holdMillis;
    }

    @Override
    public Iterator<Seen> call(Iterator<Integer> ignored) throws InterruptedException {
        Thread.sleep(holdMillis);
        return List.of(new Seen(SparkEnv.get().executorId(), ProcessHandle.current().pid())).iterator();
    }
}
