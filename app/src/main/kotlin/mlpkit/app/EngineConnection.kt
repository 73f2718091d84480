package mlpkit.app

import mlpkit.core.distributed.DataParallel
import mlpkit.core.distributed.DataParallelProvider
import mlpkit.dsl.spec.ClusterSpec

/**
 * Connects `mlp run` to the engine of an experiment's cluster block before anything is written, so that a missing
 * engine, an unreachable or malformed master or an engine that fails to start is one line naming the master and what
 * to do ([InvalidInput], exit 2), never a stack trace.
 */
internal object EngineConnection {
    /** The advice for a start-up failure whose message gives none. */
    const val ADVICE = "check the master's URL and that it is running, or use --spark local[2]"

    fun connect(command: String, cluster: ClusterSpec): DataParallel {
        val provider = try {
            DataParallelProvider.named(cluster.engine)
        } catch (e: IllegalStateException) {
            throw InvalidInput("mlp $command: cannot train on ${where(cluster)}: ${firstLine(e)}")
        }
        return connect(command, cluster, provider)
    }

    /**
     * [provider]'s engine for [cluster]. An [IllegalArgumentException] is the engine's own check of the master or a
     * setting, whose message says what to do; any other exception (Spark's `SparkException`, e.g. "Could not parse
     * Master URL", is a checked exception, not a [RuntimeException]) gets [ADVICE].
     */
    fun connect(command: String, cluster: ClusterSpec, provider: DataParallelProvider): DataParallel = try {
        provider.connect(cluster.master, cluster.conf)
    } catch (e: IllegalArgumentException) {
        throw InvalidInput("mlp $command: cannot train on ${where(cluster)}: ${firstLine(e)}")
    } catch (e: Exception) {
        throw InvalidInput("mlp $command: cannot train on ${where(cluster)}: ${firstLine(e)}; $ADVICE")
    } catch (e: LinkageError) {
        throw InvalidInput(
            "mlp $command: cannot train on ${where(cluster)}: the engine's classes are incomplete (${e.javaClass.simpleName}: ${firstLine(e)}); " +
                "run through ./mlp, which puts the mlpkit-${cluster.engine} module and its dependencies on the class path",
        )
    }

    private fun where(cluster: ClusterSpec) = "${cluster.engine} master ${cluster.master}"

    private fun firstLine(e: Throwable): String = (e.message ?: e.javaClass.simpleName).lines().first { it.isNotBlank() }.trim()
}
