package mlpkit.dsl.train

import mlpkit.core.loss.Reduction
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.batch.TargetEncoding
import mlpkit.dsl.model.predictedClass

/**
 * The training metrics of one epoch, gathered from the batches as they are trained (the outputs of the
 * training forward pass, before each update), as Keras reports them: the mean per-sample loss and, for
 * classes, the accuracy. Nothing is allocated per batch.
 */
internal class EpochAccumulator(private val encoding: TargetEncoding) {
    private val classification = encoding != TargetEncoding.VALUES
    private var lossSum = 0.0
    private var rows = 0
    private var correct = 0

    fun reset() {
        lossSum = 0.0
        rows = 0
        correct = 0
    }

    /** Adds a batch: its [reducedLoss] (as computeGradient returns it), the network's [output] and the [targets] Y. */
    fun add(reducedLoss: Double, reduction: Reduction, output: DenseMatrix, targets: DenseMatrix) {
        val n = targets.rowDimension
        // Back to the per-sample sum, so the epoch's figure does not depend on the reduction.
        lossSum += if (reduction == Reduction.MEAN) reducedLoss * n else reducedLoss
        rows += n
        if (classification) {
            // The true class is read from Y with the same rule as the prediction (argmax of one-hot, 0/1 column).
            for (r in 0 until n) if (predictedClass(output, r, encoding) == predictedClass(targets, r, encoding)) correct++
        }
    }

    /** `train_loss` and, for classes, `train_accuracy`, into [into]. */
    fun writeTo(into: MutableMap<String, Double>) {
        into[MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS)] = lossSum / rows
        if (classification) into[MetricNames.of(MetricNames.TRAIN, MetricNames.ACCURACY)] = correct.toDouble() / rows
    }
}
