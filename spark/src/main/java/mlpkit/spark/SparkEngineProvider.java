package mlpkit.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Map;
import mlpkit.core.distributed.DataParallel;
import mlpkit.core.distributed.DataParallelProvider;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark} engine for {@link DataParallelProvider#named}: connects to a Spark master and returns a
 * {@link SparkEngine} that stops the session it started when closed. Settings starting with {@code spark.} go to
 * Spark; {@value #BLOCK_SIZE} sets the rows per block.
 */
public final class SparkEngineProvider implements DataParallelProvider {
    /** The engine's name as users write it. */
    public static final String NAME = "spark";
    /** The setting for rows per block (default {@link SparkEngine#DEFAULT_BLOCK_SIZE}). */
    public static final String BLOCK_SIZE = "mlpkit.spark.blockSize";
    /** How long to wait for a standalone master's port before giving up. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final String STANDALONE = "spark://";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A session on {@code master} with the UI off and {@code conf}'s {@code spark.*} settings. For a standalone master
     * ({@code spark://host:port[,host:port…]}) one of its addresses must first accept a TCP connection within
     * {@value #CONNECT_TIMEOUT_MILLIS} ms: otherwise Spark would wait about a minute and not even fail. When a session
     * already runs in this JVM, Spark returns it (with its own master) and closing the engine leaves it running. Under
     * spark-submit, spark-submit's master replaces {@code configured} (see {@link SubmittedMaster}); a master of no
     * form Spark knows is refused before Spark starts ({@link MasterForm}).
     */
    @Override
    public DataParallel connect(String configured, Map<String, String> conf) {
        int blockSize = blockSize(conf.get(BLOCK_SIZE));
        String master = SubmittedMaster.of(configured);
        MasterForm.require(master);
        if (master.startsWith(STANDALONE)) {
            requireReachable(master);
        }
        boolean existing = SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
        SparkSession.Builder builder = SparkSession.builder().appName("mlpkit").master(master).config("spark.ui.enabled", "false");
        conf.forEach((key, value) -> {
            if (key.startsWith("spark.")) {
                builder.config(key, value);
            }
        });
        return new SparkEngine(builder.getOrCreate(), blockSize, !existing);
    }

    /**
     * An engine on the caller's {@code SparkSession} {@code session}, blocks of {@value SparkEngine#DEFAULT_BLOCK_SIZE}
     * rows; closing it leaves the session running.
     */
    @Override
    public DataParallel attach(Object session) {
        if (session instanceof SparkSession spark) {
            return new SparkEngine(spark);
        }
        throw new IllegalArgumentException("the Spark engine attaches to a SparkSession, got "
                + (session == null ? "null" : "a " + session.getClass().getName()) + ": pass the session your data frame belongs to");
    }

    private static int blockSize(String text) {
        if (text == null) {
            return SparkEngine.DEFAULT_BLOCK_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(BLOCK_SIZE + " expected a whole number of rows >= 1, got '" + text
                + "': leave it out for " + SparkEngine.DEFAULT_BLOCK_SIZE);
    }

    /** Fails with one line naming {@code master} unless one of its host:port addresses accepts a connection. */
    static void requireReachable(String master) {
        StringBuilder failures = new StringBuilder();
        for (String address : master.substring(STANDALONE.length()).split(",")) {
            int colon = address.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1).replace("/", ""));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("the Spark master URL " + master + " expected host:port after spark://, got '"
                        + address + "': write it as spark://host:7077");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.substring(0, colon), port), CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (UnknownHostException e) {
                failures.append(failures.isEmpty() ? "" : "; ").append(address).append(": unknown host");
            } catch (IOException e) {
                failures.append(failures.isEmpty() ? "" : "; ").append(address).append(": ").append(e.getMessage());
            }
        }
        throw new IllegalArgumentException("cannot reach the Spark master " + master + " (" + failures + ", waited at most "
                + CONNECT_TIMEOUT_MILLIS / 1000 + " s): start the master there, or check the URL");
    }
}
