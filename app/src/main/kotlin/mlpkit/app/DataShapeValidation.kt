package mlpkit.app

import java.io.IOException
import java.io.UncheckedIOException
import java.nio.file.Path
import mlpkit.core.limits.MachineLimits
import mlpkit.data.ClassLabels
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.SpecValidation
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.train.SeedStreams

/**
 * The one validation `mlp check` and `mlp run` (and `verify`) apply before anything is built or written, so
 * both give the same verdict and the same first line for the same file: the checks without data (again,
 * after the command line's overrides), the data found as the run would find it (same seeds; generator
 * parameters and sizes were checked before generating), the checks against the data's shape (batch,
 * output layer, metrics, a network that fits this machine's memory), and every sweep variation that
 * changes `data` against its own data. Returns the base experiment's data, loaded once; null for data the
 * cluster's engine reads itself (`"type": "spark"`), which is checked by the engine when the run loads it.
 *
 * Every problem is its own line on stderr (`FILE: $.path: …`); errors of the data files themselves are
 * `FILE: …` too, so the line does not depend on the command. Exit status 2.
 */
internal fun validateExperiment(spec: ExperimentSpec, file: Path, registry: mlpkit.core.concept.Registry): ResolvedData? {
    val limits = MachineLimits.ofThisMachine()
    requireNoProblems(SpecValidation.validate(spec, file.toString(), registry, limits))
    if (spec.data.source is DataSource.Spark) return null
    val data = resolveForValidation(spec, file)
    val shapeOfVariation = { variant: ExperimentSpec ->
        try {
            shapeOf(variant, resolveForValidation(variant, file))
        } catch (e: InvalidInput) {
            // The data of one variation: say which, so the user knows which patch to fix.
            val variation = variant.name.removePrefix("${spec.name}-")
            throw InvalidInput("$file: sweep variation '$variation': ${e.message.orEmpty().removePrefix("$file: ")}")
        }
    }
    val shape = shapeOf(spec, data)
    requireNoProblems(
        SpecValidation.validateAgainstData(
            spec, file.toString(), shape.samples, shape.features, shape.classes, shape.outputs, registry, limits, shapeOfVariation,
        ),
    )
    return data
}

/** Refuses (exit 2) a run of [spec] that cannot start as given, e.g. data read by an engine without a cluster block or --spark. */
internal fun requireRunnable(spec: ExperimentSpec, file: Path) = requireNoProblems(SpecValidation.runProblems(spec, file.toString()))

/** The experiment's data, found as its run would find it (same seeds), for checks before training and for reports. */
internal fun resolveData(spec: ExperimentSpec, file: Path, command: String): ResolvedData =
    asInvalidInput(command) { experimentDataResolver(file).resolve(spec.data, SeedStreams(spec.training.seed).split(), SeedStreams.derive(spec.training.seed, SeedStreams.DATA)) }

private fun resolveForValidation(spec: ExperimentSpec, file: Path): ResolvedData = try {
    experimentDataResolver(file).resolve(spec.data, SeedStreams(spec.training.seed).split(), SeedStreams.derive(spec.training.seed, SeedStreams.DATA))
} catch (e: ConfigException) {
    throw InvalidInput(e.problems.joinToString("\n") { it.message ?: "" })
} catch (e: IllegalArgumentException) {
    throw InvalidInput("$file: ${e.message}")
} catch (e: IOException) {
    throw InvalidInput("$file: ${e.message ?: e.javaClass.simpleName}")
} catch (e: UncheckedIOException) {
    throw InvalidInput("$file: ${e.cause?.message ?: e.message}")
}

private fun shapeOf(spec: ExperimentSpec, data: ResolvedData): SpecValidation.DataShape {
    val heldOutTest = if (spec.data.split.test > 0) data.test?.size ?: 0 else 0
    val samples = data.train.size + (data.validation?.size ?: 0) + heldOutTest
    val classes = (data.train.targets as? ClassLabels)?.classCount
    return SpecValidation.DataShape(samples, data.inputSize, classes, data.regressionOutputs ?: 1)
}

private fun requireNoProblems(problems: List<ConfigException>) {
    if (problems.isNotEmpty()) throw InvalidInput(problems.joinToString("\n") { it.message ?: "" })
}
