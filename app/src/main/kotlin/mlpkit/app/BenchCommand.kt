package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.arguments.convert
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.options.default
import com.github.ajalt.clikt.parameters.types.int
import com.github.ajalt.clikt.parameters.types.path
import com.github.ajalt.clikt.parameters.types.restrictTo
import java.io.PrintStream
import java.util.Locale
import kotlinx.coroutines.runBlocking
import mlpkit.app.bench.BenchCase
import mlpkit.app.bench.peakRssMib
import mlpkit.core.matrix.Kernels
import mlpkit.dsl.Experiment
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.train.SeedStreams
import mlpkit.dsl.train.TrainingEvent
import mlpkit.dsl.train.TrainingRun

/**
 * `mlp bench c1|c2|c3 [--threads N] [--epochs K] [--data-dir DIR]`: trains a reference case with the
 * ordinary training engine and prints each epoch's time, then one machine-readable line,
 * `median_s_per_epoch=… samples_per_s=… gflops=… peak_rss_mib=…`, the same line `bench/reference.py`
 * prints for NumPy. The median leaves out the first epoch (JIT warm-up).
 */
class BenchCommand(private val out: PrintStream) : CliktCommand(name = "bench") {
    private val case by argument(name = "CASE", help = "c1 (Fashion-MNIST MLP), c2 (digits, batch 15) or c3 (E3, full batch)")
        .convert { key -> BenchCase.byKey(key) ?: fail("expected c1, c2 or c3, got '$key'") }
    private val threads by option("--threads", metavar = "N", help = "kernel threads (results do not depend on it)").int().restrictTo(min = 1).default(1)
    private val epochs by option("--epochs", metavar = "K", help = "epochs to time (default: ${BenchCase.entries.joinToString { "${it.defaultEpochs} for ${it.key}" }}; the JIT needs a few seconds to settle)").int().restrictTo(min = 2)
    private val dataDir by option("--data-dir", metavar = "DIR", help = "c1: read the four Fashion-MNIST IDX files from DIR instead of the dataset store").path()

    override fun help(context: Context) = """
        Time one of the reference cases (README.md, section Speed).

        Prints per-epoch times, then 'median_s_per_epoch=… samples_per_s=… gflops=… peak_rss_mib=…' (median of
        the epochs after the first).
    """.trimIndent()

    override fun run() {
        val epochCount = epochs ?: case.defaultEpochs
        val spec = asInvalidInput(commandName) { case.spec(epochCount, threads, dataDir) }
        out.println("${case.key}: ${case.summary}")
        // Time the steady state: wait until the SIMD kernels are compiled (the scalar ones serve before that).
        val warmStart = System.nanoTime()
        val warm = Kernels.awaitWarmKernels(60_000)
        out.println(
            "kernel ${Kernels.productKernel()}${if (warm) "" else " (still warming up)"} after ${"%.1f".format(Locale.ROOT, (System.nanoTime() - warmStart) / 1e9)} s, " +
                "$threads thread(s), $epochCount epochs, java ${System.getProperty("java.version")}",
        )
        val seconds = ArrayList<Double>()
        val run = TrainingRun(Experiment(spec))
        var last = System.nanoTime()
        asInvalidInput(commandName) {
            runBlocking {
                run.train { event ->
                    if (event is TrainingEvent.EpochEnd) {
                        val now = System.nanoTime()
                        val s = (now - last) / 1e9
                        last = now
                        seconds += s
                        val shown = event.metrics.entries.joinToString("  ") { (k, v) -> String.format(Locale.ROOT, "%s %.4f", k, v) }
                        out.println(String.format(Locale.ROOT, "epoch %d/%d  %.6f s  %s", event.epoch, epochCount, s, shown))
                    }
                }
            }
        }
        val peakRss = peakRssMib()
        // Row counts from the same split (same seed streams) the run used; resolved after the peak is read.
        val streams = SeedStreams(spec.training.seed)
        val data = DataResolver().resolve(spec.data, streams.split(), streams.dataSeed)
        val trainRows = data.train.size
        val validationRows = data.validation?.size ?: 0
        val median = seconds.drop(1).sorted().let { s -> if (s.size % 2 == 1) s[s.size / 2] else (s[s.size / 2 - 1] + s[s.size / 2]) / 2 }
        val flops = trainRows * case.trainingFlopsPerRow() + validationRows * case.inferenceFlopsPerRow()
        out.println(
            String.format(
                Locale.ROOT, "median_s_per_epoch=%.6f samples_per_s=%.1f gflops=%.2f peak_rss_mib=%.1f",
                median, trainRows / median, flops / median / 1e9, peakRss ?: Double.NaN,
            ),
        )
    }
}
