package mlpkit.core.distributed;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Makes {@link DataParallel} engines; found with {@link ServiceLoader} ({@code META-INF/services/
 * mlpkit.core.distributed.DataParallelProvider}), so that the training loop can use an engine whose module is on
 * the class path without depending on it.
 */
public interface DataParallelProvider {

    /** The engine's name as users write it, e.g. {@code spark}. */
    String name();

    /**
     * Connects to {@code master} (for Spark: {@code local[2]}, {@code spark://host:7077}, …) with extra engine
     * settings {@code conf}. Fails within about a minute, with a message naming the master, when it cannot be
     * reached.
     */
    DataParallel connect(String master, Map<String, String> conf);

    /**
     * An engine on a session the caller already has (for Spark a {@code SparkSession}); closing the engine leaves
     * that session running. Engines that cannot attach refuse.
     */
    default DataParallel attach(Object session) {
        throw new UnsupportedOperationException("the '" + name() + "' engine cannot attach to a session of "
                + (session == null ? "null" : session.getClass().getName()) + ": connect to a master instead");
    }

    /** The provider named {@code name} on the class path, or an error that says what is there and what to do. */
    static DataParallelProvider named(String name) {
        StringBuilder found = new StringBuilder();
        for (DataParallelProvider provider : ServiceLoader.load(DataParallelProvider.class)) {
            if (provider.name().equals(name)) {
                return provider;
            }
            found.append(found.isEmpty() ? "" : ", ").append(provider.name());
        }
        throw new IllegalStateException("no '" + name + "' engine on the class path (found: "
                + (found.isEmpty() ? "none" : found) + "): put the mlpkit-" + name + " module and its dependencies on the class path "
                + "(./mlp does so for --spark after building it)");
    }
}
