package mlpkit.app

import java.nio.file.Path
import mlpkit.data.ClassLabels
import mlpkit.data.csv.CsvFormatException
import mlpkit.dsl.config.SpecValidation
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.train.SeedStreams

/** The experiment's data, found as its run would find it (same seeds), for checks before training. */
internal fun resolveData(spec: ExperimentSpec, file: Path, command: String): ResolvedData {
    val seed = spec.training.seed
    return asInvalidInput(command) {
        try {
            DataResolver(baseDirectory = file.toAbsolutePath().parent)
                .resolve(spec.data, SeedStreams(seed).split(), SeedStreams.derive(seed, SeedStreams.DATA))
        } catch (e: CsvFormatException) {
            throw e // names its own CSV file and line
        } catch (e: IllegalArgumentException) {
            // A generator parameter or a split the data cannot take: say in which experiment file and where in it.
            throw IllegalArgumentException("$file: \$.data: ${e.message}", e)
        }
    }
}

/**
 * The checks that need the data's shape (a batch larger than the training rows, an output layer that
 * does not fit the classes or targets, …), every problem on its own line as `FILE: $.path: …`.
 */
internal fun requireFitsData(spec: ExperimentSpec, file: Path, data: ResolvedData) {
    val heldOutTest = if (spec.data.split.test > 0) data.test?.size ?: 0 else 0
    val samples = data.train.size + (data.validation?.size ?: 0) + heldOutTest
    val classes = (data.train.targets as? ClassLabels)?.classCount
    val problems = SpecValidation.validateAgainstData(spec, file.toString(), samples, data.inputSize, classes, data.regressionOutputs ?: 1)
    if (problems.isNotEmpty()) throw InvalidInput(problems.joinToString("\n") { it.message ?: "" })
}
