package mlpkit.app

import mlpkit.dsl.train.TrainingEvent
import mlpkit.dsl.train.TrainingProgress
import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale

/**
 * `mlp run`'s progress on a terminal: one line, redrawn in place,
 *
 * `epoch 2/10 [######------------------] batch 470/1875  train_loss 0.2310  validation_loss 0.2512  validation_accuracy 0.9310  ETA 1:23`
 *
 * The bar is the batches done of the epoch in progress (the epochs, when the run has no local batches); the metrics
 * are the last completed epoch's training loss and validation metrics (none before the first epoch ends). The ETA
 * extrapolates the time since the display first saw a batch under way over the fraction of the run done since then:
 * f = (epochs before + batches done / batches per epoch) / epochs, ETA = elapsed · (1 − f) / (f − f₀), so a resumed
 * run counts only its own progress. [tick] (from a timer) and [epochEnded] (from the run's events) redraw at most
 * once every [intervalNanos]: the training loop only writes its batch counter ([TrainingProgress]).
 */
internal class ProgressDisplay(
    private val totalEpochs: Int,
    private val position: () -> TrainingProgress.Position,
    private val batchesPerEpoch: () -> Int,
    private val print: (String) -> Unit,
    private val nanoTime: () -> Long,
    private val intervalNanos: Long = 100_000_000,
) {
    private var lastDrawn: Long? = null
    private var startNanos = 0L
    private var startFraction: Double? = null
    private var completedEpochs = 0
    private var metrics: Map<String, Double> = emptyMap()

    @Synchronized
    fun tick() = draw(force = false)

    @Synchronized
    fun epochEnded(event: TrainingEvent.EpochEnd) {
        completedEpochs = event.epoch
        metrics = event.metrics.filterKeys { it == TRAIN_LOSS || it.startsWith(VALIDATION) }
        draw(force = false)
    }

    /** The last state drawn, then the end of the line (the summary follows on its own lines). */
    @Synchronized
    fun finish() {
        draw(force = true)
        print("\n")
    }

    private fun draw(force: Boolean) {
        val now = nanoTime()
        val last = lastDrawn
        if (!force && last != null && now - last < intervalNanos) return
        lastDrawn = now
        print("\r" + line(now) + CLEAR_TO_END_OF_LINE)
    }

    internal fun line(now: Long): String {
        val (epoch, done) = position()
        val batches = batchesPerEpoch()
        val fraction = if (batches > 0 && epoch >= 1) {
            maxOf((epoch - 1 + done.toDouble() / batches) / totalEpochs, completedEpochs.toDouble() / totalEpochs)
        } else {
            completedEpochs.toDouble() / totalEpochs
        }
        val started = epoch >= 1 || completedEpochs > 0
        if (started && startFraction == null) {
            startFraction = fraction
            startNanos = now
        }
        return buildString {
            if (batches > 0 && epoch >= 1) {
                append(String.format(Locale.ROOT, "epoch %d/%d %s batch %d/%d", epoch, totalEpochs, bar(done, batches), done, batches))
            } else if (started) {
                append(String.format(Locale.ROOT, "epoch %d/%d %s", completedEpochs, totalEpochs, bar(completedEpochs, totalEpochs)))
            } else {
                append(String.format(Locale.ROOT, "epoch 1/%d starting", totalEpochs))
            }
            for ((name, value) in metrics) append(String.format(Locale.ROOT, "  %s %.4f", name, value))
            val progressed = fraction - (startFraction ?: fraction)
            if (progressed > 0) {
                val seconds = Math.round((now - startNanos) / 1e9 * (1 - fraction) / progressed)
                append(String.format(Locale.ROOT, "  ETA %d:%02d", seconds / 60, seconds % 60))
            } else {
                append("  ETA -:--")
            }
        }
    }

    private fun bar(done: Int, total: Int): String {
        val filled = (BAR_WIDTH.toLong() * done / total).toInt().coerceIn(0, BAR_WIDTH)
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]"
    }

    companion object {
        private const val BAR_WIDTH = 24
        private const val TRAIN_LOSS = "train_loss"
        private const val VALIDATION = "validation_"
        private const val CLEAR_TO_END_OF_LINE = "\u001B[K"

        /**
         * Whether stdout and stderr are both a terminal: Java's console (stdin and stdout), and stderr as the
         * launcher saw it before piping it through its filter (`-Dmlpkit.stderr.terminal`), else as Linux shows it.
         */
        fun onTerminal(): Boolean {
            if (System.console() == null) return false
            System.getProperty("mlpkit.stderr.terminal")?.let { return it == "true" }
            return try {
                Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString().let { it.startsWith("/dev/pts/") || it.startsWith("/dev/tty") }
            } catch (_: Exception) {
                true // no /proc: Java's console is the best answer there is
            }
        }
    }
}
