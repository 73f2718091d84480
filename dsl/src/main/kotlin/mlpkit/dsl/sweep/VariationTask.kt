package mlpkit.dsl.sweep

import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import mlpkit.core.distributed.RemoteTask
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson

/**
 * One variation of a sweep as an engine's remote task: its input is the variation's name, its experiment (JSON, with
 * no cluster block: the variation trains locally inside the task, on built-in concepts) and the directory its data
 * paths are relative to; its output is its row (JSON). The task trains exactly as a local sweep's variation does, so
 * the rows are the local sweep's; it records no run directory and carries no [mlpkit.dsl.train.StopReason] object
 * (the row's status, message and stop text say how it ended).
 */
class VariationTask : RemoteTask {
    /** What travels to the worker. */
    @Serializable
    data class Input(val name: String, val experiment: String, val baseDirectory: String)

    /** What travels back: a [SweepRow] without its stop-reason object and directory. */
    @Serializable
    data class Output(
        val name: String,
        val notation: String,
        val status: SweepStatus,
        val message: String? = null,
        val stopped: String? = null,
        val metrics: Map<String, Double> = emptyMap(),
    ) {
        fun toRow(): SweepRow = SweepRow(name, notation, null, metrics, status, message, null, stopped)
    }

    override fun run(input: String): String {
        val task = FORMAT.decodeFromString(Input.serializer(), input)
        val spec = SpecJson.decode(task.experiment)
        val row = runBlocking { SweepRunner(DataResolver(Path.of(task.baseDirectory))).runVariation(task.name, spec, null) }
        return FORMAT.encodeToString(Output.serializer(), Output(row.name, row.notation, row.status, row.message, row.stopped, row.metrics))
    }

    companion object {
        /** JSON with NaN and ±Infinity allowed: a diverged run's metrics may hold them. */
        private val FORMAT = Json { allowSpecialFloatingPointValues = true }

        /** The task's input for [variant] named [name], trained locally, data relative to [baseDirectory]. */
        fun input(name: String, variant: ExperimentSpec, baseDirectory: Path): String =
            FORMAT.encodeToString(Input.serializer(), Input(name, SpecJson.encode(variant.copy(cluster = null)), baseDirectory.toString()))

        /** The row a task's [output] describes. */
        fun row(output: String): SweepRow = FORMAT.decodeFromString(Output.serializer(), output).toRow()
    }
}
