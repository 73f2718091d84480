package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.ProgramResult
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.types.path
import java.io.PrintStream
import mlpkit.core.gradcheck.GradientCheck
import mlpkit.core.network.Network
import mlpkit.dsl.train.SeedStreams

/**
 * `mlp check FILE`: validates an experiment without training it — reads the file, finds its data,
 * builds the network for the data's input size, and prints the notation, the parameter count and a
 * gradient-check table (random inputs, targets that fit the loss). Exit status 1 when a relative error
 * is above 1e-6.
 */
class CheckCommand(private val out: PrintStream) : CliktCommand(name = "check") {
    private val file by argument(name = "FILE", help = "the experiment: FILE.json or FILE.mlp.kts").path()

    override fun help(context: Context) =
        "Validate an experiment and check its network's gradients against finite differences, without training."

    override fun run() {
        val experiment = ExperimentLoader.load(file)
        val spec = experiment.spec
        val training = spec.training
        val streams = SeedStreams(training.seed)
        // The same validation as mlp run's, so both give the same verdict and the same first line.
        val data = validateExperiment(spec, file, experiment.registry) ?: run {
            val source = spec.data.source as mlpkit.dsl.spec.DataSource.Spark
            out.println("experiment ${spec.name}: its rows (${source.format} at ${source.path}) are read by the cluster's engine, not here: " +
                "the checks without data passed; mlp run checks the rows when the engine reads them")
            return
        }
        val network = asInvalidInput("check") {
            Network.build(spec.network, data.inputSize, training.loss, streams.init(), streams.dropout())
        }
        out.println("experiment ${spec.name}: ${data.train.size} training samples × ${data.inputSize} features" +
            (data.validation?.let { ", ${it.size} validation" } ?: "") + (data.test?.let { ", ${it.size} test" } ?: ""))
        spec.validation?.let { out.println(foldSizes(experiment)) }
        out.println(network.toString())
        out.println("parameters: ${network.parameterCount()}")
        out.println("loss: ${training.loss.notation()} (${training.reduction.notation()}), optimizer: ${training.optimizer.notation()}")
        val report = asInvalidInput("check") {
            GradientCheck.of(network).reduction(training.reduction).maxEntriesPerTensor(MAX_ENTRIES_PER_TENSOR)
                .runOnRandomData(CHECK_SAMPLES, streams.shuffle())
        }
        out.println(report.table())
        // Layers that normalise by batch statistics have a training-mode function of their own: check it too
        // (not with dropout, whose training-mode loss is random).
        val inTrainingMode = network.state().isNotEmpty() && spec.network.layers().none { it.randomInTraining() }
        val trainingReport = if (!inTrainingMode) null else asInvalidInput("check") {
            GradientCheck.of(network).inTrainingMode().reduction(spec.training.reduction).maxEntriesPerTensor(MAX_ENTRIES_PER_TENSOR)
                .runOnRandomData(CHECK_SAMPLES, streams.shuffle())
        }
        trainingReport?.let {
            out.println("in training mode (batch statistics):")
            out.println(it.table())
        }
        if (!report.passes(TOLERANCE) || trainingReport?.passes(TOLERANCE) == false) throw ProgramResult(ExitCode.CHECK_FAILED)
    }

    /** What a cross-validation will train on: folds, rows per fold, held-out and training sizes (its errors exit 2). */
    private fun foldSizes(experiment: mlpkit.dsl.Experiment): String = asInvalidInput("check") {
        val cv = mlpkit.dsl.cv.CrossValidation(experiment, experimentDataResolver(file))
        val data = cv.data()
        val folds = cv.folds(data)
        val validation = experiment.spec.validation!!
        val heldOut = folds.take(validation.cv).map { it.validation.size }
        "cross-validation: ${validation.cv} ${if (cv.stratified(data)) "stratified " else ""}folds" +
            (if (validation.repeats > 1) " × ${validation.repeats} repeats" else "") + " of ${data.size} rows (randomState ${cv.randomState}): " +
            "held out ${heldOut.joinToString(", ")}; trained on ${folds.take(validation.cv).map { it.train.size }.distinct().joinToString(" or ")} rows each" +
            (data.testRows?.let { "; every fold is tested on the $it test rows" } ?: "")
    }

    private companion object {
        const val CHECK_SAMPLES = 8
        /** Enough entries to catch a wrong derivative, few enough that MNIST-sized layers check in seconds. */
        const val MAX_ENTRIES_PER_TENSOR = 200
        const val TOLERANCE = 1e-6
    }
}
