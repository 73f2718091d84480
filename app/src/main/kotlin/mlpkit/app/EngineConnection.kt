package mlpkit.app

import mlpkit.core.distributed.DataParallel
import mlpkit.core.distributed.DataParallelProvider
import mlpkit.dsl.spec.ClusterSpec

/**
 * Connects `mlp run` to the engine of an experiment's cluster block before anything is written, so that a missing
 * engine, an unreachable master or an engine that fails to start is one line naming the master and what to do
 * ([InvalidInput], exit 2), never a stack trace.
 */
internal object EngineConnection {
    fun connect(command: String, cluster: ClusterSpec): DataParallel {
        val where = "${cluster.engine} master ${cluster.master}"
        val provider = try {
            DataParallelProvider.named(cluster.engine)
        } catch (e: IllegalStateException) {
            throw InvalidInput("mlp $command: cannot train on $where: ${firstLine(e)}")
        }
        return try {
            provider.connect(cluster.master, cluster.conf)
        } catch (e: RuntimeException) {
            throw InvalidInput("mlp $command: cannot train on $where: ${firstLine(e)}; check the master's URL and that it is running, or use --spark local[2]")
        } catch (e: LinkageError) {
            throw InvalidInput(
                "mlp $command: cannot train on $where: the engine's classes are incomplete (${e.javaClass.simpleName}: ${firstLine(e)}); " +
                    "run through ./mlp, which puts the mlpkit-${cluster.engine} module and its dependencies on the class path",
            )
        }
    }

    private fun firstLine(e: Throwable): String = (e.message ?: e.javaClass.simpleName).lines().first { it.isNotBlank() }.trim()
}
