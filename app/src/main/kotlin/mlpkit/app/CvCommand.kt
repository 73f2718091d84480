package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.options.default
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.types.int
import com.github.ajalt.clikt.parameters.types.long
import com.github.ajalt.clikt.parameters.types.path
import com.github.ajalt.clikt.parameters.types.restrictTo
import java.io.PrintStream
import java.nio.file.Path
import mlpkit.dsl.Experiment
import mlpkit.dsl.spec.ValidationSpec

/**
 * `mlp cv FILE [--folds K] [--repeats R] [--refit] [--epochs N] [--seed S] [--out DIR] [--quiet] [--no-report]`:
 * cross-validates an experiment. `--folds` gives or overrides the file's `validation.cv`, `--repeats` its
 * `validation.repeats`; see [CrossValidationRun] for what is run and written.
 */
class CvCommand(private val out: PrintStream, private val err: PrintStream) : CliktCommand(name = "cv") {
    private val file by argument(name = "FILE", help = "the experiment: FILE.json or FILE.mlp.kts").path()
    private val folds by option("--folds", metavar = "K", help = "folds (≥ ${ValidationSpec.MIN_FOLDS}); overrides validation.cv").int()
        .restrictTo(min = ValidationSpec.MIN_FOLDS)
    private val repeats by option("--repeats", metavar = "R", help = "draw the folds R times; overrides validation.repeats").int().restrictTo(min = 1)
    private val refit by option("--refit", help = "after the folds, train on all rows and write the model (in refit-<time>/)").flag()
    private val epochs by option("--epochs", metavar = "N", help = "override the number of epochs").int().restrictTo(min = 1)
    private val seed by option("--seed", metavar = "S", help = "override the run's seed").long()
    private val outRoot by option("--out", metavar = "DIR", help = "where run directories are created").path().default(Path.of("runs"))
    private val quiet by option("--quiet", help = "print only the final table").flag()
    private val noReport by option("--no-report", help = "skip cv.png and report.html (cv.json is written as always)").flag()

    override fun help(context: Context) =
        """
        Cross-validate an experiment: scikit-learn's (Stratified)KFold folds, one ordinary run per fold.

        Each fold trains on the other folds' rows (scaling fitted on them only) and is evaluated on its own rows as
        its validation part; a split.test part is held out of all folds and every fold is evaluated on it. Prints the
        held-out metrics per fold with their mean and (population) std; expect bounds them as cv_<metric> and
        cv_<metric>_std. Writes runs/<name>-<time>/: cv.json (every fold's metrics and rows), spec.json, cv.png and
        report.html. Keeps no model unless --refit.
        """.trimIndent()

    override fun run() = StopOnSignals.install(commandName, err).use { signals ->
        val loaded = ExperimentLoader.load(file)
        val given = loaded.spec.validation
        val cvFolds = folds ?: given?.cv
            ?: throw InvalidInput("mlp cv: $file has no validation block, so the number of folds is unknown: pass --folds 5, or add \"validation\": {\"cv\": 5}")
        val validation = (given ?: ValidationSpec(cvFolds)).let { it.copy(cv = cvFolds, repeats = repeats ?: it.repeats) }
        val training = loaded.spec.training.let { t -> t.copy(epochs = epochs ?: t.epochs, seed = seed ?: t.seed) }
        val experiment = Experiment(loaded.spec.copy(training = training, validation = validation), loaded.hooks, loaded.registry)
        validateExperiment(experiment.spec, file, experiment.registry)
        CrossValidationRun(commandName, out, err, outRoot, file, quiet, noReport, verify = false, refit = refit)
            .run(experiment, experimentDataResolver(file), signals)
    }
}
