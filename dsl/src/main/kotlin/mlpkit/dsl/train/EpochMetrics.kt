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
internal class EpochMetrics(
    private val metrics: List<Metric>,
    encoding: TargetEncoding,
    targetScaler: Scaler? = null,
    /** Whether the run's weight decay is per sample: then [writeTo] also writes `train_objective` ([MetricNames.OBJECTIVE]). */
    private val penalised: Boolean = false,
) {
    private val chunk = EvaluatedChunk(encoding, targetScaler)
    private var accumulators: List<Metric.Accumulator> = emptyList()
    private var lossSum = 0.0
    private var penaltySum = 0.0
    private var rows = 0

    fun reset(rows: Int) {
        accumulators = metrics.map { it.accumulator(rows) }
        lossSum = 0.0
        penaltySum = 0.0
        this.rows = 0
    }

    /**
     * Adds a batch's L2 penalty (λ/2)·‖W‖² at the weights before its step. scikit-learn adds (λ/(2·rows))·‖W‖² to the
     * batch's mean loss and weights it by the batch's rows in `loss_curve_` (Σ batch loss · rows / n): the rows cancel.
     */
    fun addPenalty(halfDecayTimesSquaredNorm: Double) {
        penaltySum += halfDecayTimesSquaredNorm
    }

    /** Adds a batch: its [reducedLoss] (as computeGradient returns it), the network's [output] and the [targets] Y. */
    fun add(reducedLoss: Double, reduction: Reduction, output: DenseMatrix, targets: DenseMatrix) {
        val n = targets.rowDimension
        // Back to the per-sample sum, so the epoch's figure does not depend on the reduction.
        val batchLoss = if (reduction == Reduction.MEAN) reducedLoss * n else reducedLoss
        lossSum += batchLoss
        rows += n
        chunk.set(n, batchLoss, output, targets, null, 0)
        for (accumulator in accumulators) accumulator.add(chunk)
    }

    /** `train_<metric>` for each metric, into [into]. */
    fun writeTo(into: MutableMap<String, Double>) {
        metrics.forEachIndexed { i, metric ->
            val accumulator = accumulators[i]
            if (accumulator.defined()) into[MetricNames.of(MetricNames.TRAIN, metric.concept().name())] = accumulator.result()
        }
        if (penalised && rows > 0) {
            val loss = into[MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS)] ?: (lossSum / rows)
            into[MetricNames.of(MetricNames.TRAIN, MetricNames.OBJECTIVE)] = loss + penaltySum / rows
        }
    }

    /** The names [writeTo] writes. */
    fun names(): List<String> = metrics.map { MetricNames.of(MetricNames.TRAIN, it.concept().name()) } +
        listOfNotNull(MetricNames.of(MetricNames.TRAIN, MetricNames.OBJECTIVE).takeIf { penalised })
}
