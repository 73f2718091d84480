package mlpkit.dsl.resolve

import mlpkit.data.ClassLabels
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets
import mlpkit.data.batch.TargetEncoding
import mlpkit.core.loss.Loss

/**
 * How the targets are written into Y for a network with [outputs] output units trained with [loss]:
 *
 * - class labels and one output: a 0/1 column ([TargetEncoding.BINARY_COLUMN]; two classes at most,
 *   any loss but one that expects one-hot rows, softmax cross-entropy, whose single softmax unit would
 *   always output 1);
 * - class labels and one output per class: one-hot rows ([TargetEncoding.ONE_HOT]), whatever the loss
 *   (softmax cross-entropy, per-class sigmoids with binary cross-entropy, squared errors);
 * - real-valued targets: the values ([TargetEncoding.VALUES]), with a loss for real values ([Loss.targets]).
 *
 * Anything else is an error that says which output size or loss fits the data. [notation] names the
 * network in messages.
 */
fun chooseTargetEncoding(loss: Loss, outputs: Int, targets: Targets, notation: String): TargetEncoding = when (targets) {
    is ClassLabels -> {
        val classes = targets.classCount
        when {
            outputs == 1 && loss.targets() == Loss.Targets.ONE_HOT -> throw IllegalArgumentException(
                "$notation has 1 output, but ${loss.notation()} needs one output per class ($classes): " +
                    "end with dense($classes, softmax), or use one sigmoid output with loss bce",
            )
            outputs == 1 && classes <= 2 -> TargetEncoding.BINARY_COLUMN
            outputs == classes -> TargetEncoding.ONE_HOT
            else -> throw IllegalArgumentException(
                "$notation has $outputs output${if (outputs == 1) "" else "s"}, but the data has $classes classes " +
                    "(${targets.classNames.take(10).joinToString(", ")}${if (classes > 10) ", …" else ""}): " +
                    "end with dense($classes, …) for one output per class" +
                    if (classes == 2) ", or dense(1, sigmoid) for a single 0/1 output" else "",
            )
        }
    }
    is RegressionTargets -> {
        require(loss.targets() == Loss.Targets.VALUES) {
            "the data has real-valued targets (a regression), but the loss is ${loss.notation()}, which expects classes: " +
                "use a loss for real values such as mse"
        }
        require(outputs == targets.outputs) {
            "$notation has $outputs output${if (outputs == 1) "" else "s"}, but the data has ${targets.outputs} regression " +
                "target${if (targets.outputs == 1) "" else "s"} per sample: end with dense(${targets.outputs}, identity)"
        }
        TargetEncoding.VALUES
    }
}
