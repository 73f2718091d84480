package mlpkit.core.distributed;

/**
 * Work an engine runs on a worker, one call per input: a sweep's variation in, its result out, both as text (JSON),
 * so that nothing but strings travels. Implementations are public classes with a public no-argument constructor,
 * named by class to the engine and instantiated on the worker, which must have them on its class path.
 */
public interface RemoteTask {
    /** The result for {@code input}; an exception fails this input only, and its message is reported with it. */
    String run(String input) throws Exception;
}
