package mlpkit.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cluster")
@DisplayName("On a multi-process cluster (local-cluster[2,1,1024])")
class MultiProcessClusterIT {

    @Test
    @DisplayName("tasks run in two executor processes other than the driver's")
    void tasks_run_in_two_executor_processes() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ClusterSpark.session().sparkContext());
        List<ExecutorProcess.Seen> seen = jsc.parallelize(List.of(0, 1), 2).mapPartitions(new ExecutorProcess(500)).collect();
        Set<Long> pids = seen.stream().map(s -> s.pid).collect(Collectors.toSet());
        assertEquals(2, pids.size(), "two tasks on two free executors: " + seen);
        long driver = ProcessHandle.current().pid();
        for (long pid : pids) {
            assertNotEquals(driver, pid, "a task ran in the driver's JVM: " + seen);
        }
    }
}
