package mlpkit.dsl.train

import mlpkit.core.loss.Reduction
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.metrics.Metric
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.scaling.Scaler

/**
 * The training metrics of one epoch, gathered from the batches as they are trained (the outputs of the
 * training forward pass, before each update), as Keras reports them: the registry's metrics measured on
 * training batches (the mean per-sample loss and, for classes, the accuracy).
 */
internal class EpochMetrics(private val metrics: List<Metric>, encoding: TargetEncoding, targetScaler: Scaler? = null) {
    private val chunk = EvaluatedChunk(encoding, targetScaler)
    private var accumulators: List<Metric.Accumulator> = emptyList()

    fun reset(rows: Int) {
        accumulators = metrics.map { it.accumulator(rows) }
    }

    /** Adds a batch: its [reducedLoss] (as computeGradient returns it), the network's [output] and the [targets] Y. */
    fun add(reducedLoss: Double, reduction: Reduction, output: DenseMatrix, targets: DenseMatrix) {
        val n = targets.rowDimension
        // Back to the per-sample sum, so the epoch's figure does not depend on the reduction.
        val lossSum = if (reduction == Reduction.MEAN) reducedLoss * n else reducedLoss
        chunk.set(n, lossSum, output, targets, null, 0)
        for (accumulator in accumulators) accumulator.add(chunk)
    }

    /** `train_<metric>` for each metric, into [into]. */
    fun writeTo(into: MutableMap<String, Double>) {
        metrics.forEachIndexed { i, metric ->
            val accumulator = accumulators[i]
            if (accumulator.defined()) into[MetricNames.of(MetricNames.TRAIN, metric.concept().name())] = accumulator.result()
        }
    }

    /** The names [writeTo] writes. */
    fun names(): List<String> = metrics.map { MetricNames.of(MetricNames.TRAIN, it.concept().name()) }
}
