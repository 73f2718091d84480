package mlpkit.app.report

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.dsl.model.ModelFile
import mlpkit.dsl.model.ModelJson
import mlpkit.dsl.run.RunMetrics
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.train.TrainingResult
import mlpkit.core.concept.Registry

/**
 * Everything a report shows about a finished run: its `metrics.json` ([metrics]: how it ended, final
 * metrics, classification reports) and its `model.json` ([model]: spec, notation, parameters, history).
 * Built from a [TrainingResult] in memory, or read back from a run directory (a sweep's variations).
 */
internal class RunRecord(val metrics: RunMetrics, val model: ModelFile, val registry: Registry = Registry.builtIns()) {
    val spec: ExperimentSpec get() = model.spec

    companion object {
        fun of(result: TrainingResult, registry: Registry = Registry.builtIns()) = RunRecord(RunMetrics.of(result), result.model.file, registry)

        /** The record of the run in [directory]; a missing or damaged file is an error naming it. */
        fun read(directory: Path, registry: Registry = Registry.builtIns()): RunRecord {
            val model = ModelFile.read(directory.resolve("model.json"), registry)
            val metricsFile = directory.resolve("metrics.json")
            val metrics = ModelJson.format.decodeFromString(RunMetrics.serializer(), Files.readString(metricsFile))
            return RunRecord(metrics, model, registry)
        }
    }
}
