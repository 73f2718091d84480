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

