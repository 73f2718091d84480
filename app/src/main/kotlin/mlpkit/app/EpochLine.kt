package mlpkit.app

import java.util.Locale
import mlpkit.dsl.train.TrainingEvent

/** One epoch as one line: `epoch  12/300  train_loss 0.312100  train_accuracy 0.9300  …  lr 0.5  12 ms`. */
internal fun epochLine(event: TrainingEvent.EpochEnd, epochs: Int): String = buildString {
    val width = epochs.toString().length
    append(String.format(Locale.ROOT, "epoch %${width}d/%d", event.epoch, epochs))
    for ((name, value) in event.metrics) append(String.format(Locale.ROOT, "  %s %.6f", name, value))
    append(String.format(Locale.ROOT, "  lr %s  %d ms", event.learningRate, event.durationMillis))
}

/**
 * A terminal progress bar for [done] of [total] epochs with the time left estimated from the
 * [elapsedMillis] so far: `[########------------]  40/100 epochs  train_loss 0.2310  ETA 0:07`.
 */
internal fun progressBar(done: Int, total: Int, elapsedMillis: Long, loss: Double): String {
    val width = 24
    val filled = (width.toLong() * done / total).toInt()
    val remaining = if (done == 0) 0 else elapsedMillis * (total - done) / done / 1000
    return String.format(
        Locale.ROOT, "[%s%s] %d/%d epochs  train_loss %.4f  ETA %d:%02d",
        "#".repeat(filled), "-".repeat(width - filled), done, total, loss, remaining / 60, remaining % 60,
    )
}
