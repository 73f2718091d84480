package mlpkit.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import mlpkit.core.network.Network;
import mlpkit.data.Dataset;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one {@link SparkSession} of the cluster test JVM, on Spark's {@code local-cluster[2,1,1024]} master: a master
 * and two workers inside this JVM, each worker launching its executor as a separate JVM process from the Spark home
 * {@code $SPARK_HOME} (Maven's jars in {@code jars/}, see the module's {@code cluster-test} profile). mlpkit's classes
 * reach the executors through {@code spark.jars}. Started on first use, once both executors have registered, and
 * stopped when the JVM exits.
 */
final class ClusterSpark {
    /** Two workers with one core and 1024 MB each. */
    static final String MASTER = "local-cluster[2,1,1024]";
    /** Executors of the master above. */
    static final int EXECUTORS = 2;
    /** How long the executors may take to start and register on this 2-core machine. */
    static final long REGISTRATION_TIMEOUT_MS = 90_000;

    private ClusterSpark() {
    }

    private static final class Holder {
        static final SparkSession SESSION = start();
        static final Map<String, Long> PROCESSES = probe(SESSION);

        private static SparkSession start() {
            Path home = sparkHome();
            List<Path> jars = ClassPathJars.of(home.resolveSibling("cluster-jars"), Network.class, Dataset.class,
                    mlpkit.spark.SparkEngine.class, MultiProcessClusterIT.class);
            SparkSession session = SparkSession.builder()
                    .appName("mlpkit-spark multi-process cluster test")
                    .master(MASTER)
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.executor.memory", "512m")
                    .config("spark.jars", jars.stream().map(Path::toString).collect(Collectors.joining(",")))
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop cluster SparkSession"));
            awaitExecutors(session.sparkContext());
            return session;
        }
    }

    /** Each executor's id and process id, from tasks that ran on them (found once). */
    static Map<String, Long> executorProcesses() {
        return Holder.PROCESSES;
    }

    /**
     * Runs jobs of {@value #EXECUTORS} tasks, each holding its executor for a moment so that the tasks spread, until
     * every executor has been seen (at most 5 jobs).
     */
    private static Map<String, Long> probe(SparkSession session) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        Map<String, Long> seen = new TreeMap<>();
        for (int attempt = 0; attempt < 5 && seen.size() < EXECUTORS; attempt++) {
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < EXECUTORS; i++) {
                slots.add(i);
            }
            for (ExecutorProcess.Seen s : jsc.parallelize(slots, EXECUTORS).mapPartitions(new ExecutorProcess(300)).collect()) {
                seen.put(s.executorId, s.pid);
            }
        }
        return Collections.unmodifiableMap(seen);
    }

    /** The session, started on the first call with both executors registered. */
    static SparkSession session() {
        return Holder.SESSION;
    }

    private static Path sparkHome() {
        String value = System.getenv("SPARK_HOME");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the cluster test needs the environment variable SPARK_HOME (the folder whose jars/ holds "
                    + "Spark's jars), got none: run it through Maven (mvn -pl spark test, profile cluster-test) or "
                    + "scripts/spark-cluster-test.sh");
        }
        Path home = Path.of(value).toAbsolutePath();
        if (!Files.isDirectory(home.resolve("jars"))) {
            throw new IllegalStateException("SPARK_HOME=" + home + " has no jars/ folder: let Maven fill it "
                    + "(maven-dependency-plugin's spark-home-jars execution in the cluster-test profile)");
        }
        try {
            // Spark's launcher reads the Scala version from this folder's name when it builds an executor's command.
            Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home.resolve("launcher/target/scala-2.13") + ": " + e.getMessage(), e);
        }
        return home;
    }

    private static void awaitExecutors(SparkContext context) {
        long deadline = System.currentTimeMillis() + REGISTRATION_TIMEOUT_MS;
        // The status tracker lists the driver too.
        while (context.statusTracker().getExecutorInfos().length < EXECUTORS + 1) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("expected " + EXECUTORS + " executors of " + MASTER + " to register within "
                        + REGISTRATION_TIMEOUT_MS + " ms, got " + (context.statusTracker().getExecutorInfos().length - 1)
                        + ": see the executor logs under $SPARK_HOME/work");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the executors of " + MASTER, e);
            }
        }
    }
}
