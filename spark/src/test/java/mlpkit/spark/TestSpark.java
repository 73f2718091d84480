package mlpkit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one {@link SparkSession} of a test JVM, started on first use ({@code local[2]}, UI off, driver bound to
 * 127.0.0.1, 2 shuffle partitions) and stopped when the JVM exits. Tests never stop it themselves.
 */
final class TestSpark {
    /** The master every test runs on: two executor threads on this machine. */
    static final String MASTER = "local[2]";

    private TestSpark() {
    }

    private static final class Holder {
        static final SparkSession SESSION = start();

        private static SparkSession start() {
            SparkSession session = SparkSession.builder()
                    .appName("mlpkit-spark tests")
                    .master(MASTER)
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop test SparkSession"));
            return session;
        }
    }

    /** The session, started on the first call. */
    static SparkSession session() {
        return Holder.SESSION;
    }
}
