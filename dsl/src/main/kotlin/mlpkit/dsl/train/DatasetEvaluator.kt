package mlpkit.dsl.train

import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import mlpkit.core.concept.Registry
import mlpkit.core.metrics.ClassificationReport
import mlpkit.core.metrics.Metric
import mlpkit.core.network.Network
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.batch.BatchSize
import mlpkit.data.batch.MiniBatches
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.scaling.Scaler
import mlpkit.data.split.RowOrder
import mlpkit.dsl.model.predictedClass

/**
 * Inference-mode metrics of one part of the data (validation after each epoch; every part at the end): the
 * registry's metrics whose needs the part meets (the mean per-sample loss; for classes the accuracy; for two
 * classes the AUC) and a classification report. With a [targetScaler] the metrics other than the loss are in the
 * targets' own units (see [EvaluatedChunk]). The part is read in chunks through buffers allocated once.
 */
internal class DatasetEvaluator(
    val part: String,
    val dataset: Dataset,
    private val encoding: TargetEncoding,
    chunkRows: Int,
    registry: Registry,
    targetScaler: Scaler? = null,
) {
    private val batches = MiniBatches(dataset, BatchSize.of(chunkRows), RowOrder.AsGiven, encoding)
    private val labels: ClassLabels? = dataset.targets as? ClassLabels
    private val predictions: IntArray? = labels?.let { IntArray(dataset.size) }
    private val metrics: List<Metric> = PartMetrics.of(registry, dataset.targets)
    private val chunk = EvaluatedChunk(encoding, targetScaler)

    /** Evaluates [network] on the part and writes `<part>_<metric>` into [into]. */
    suspend fun evaluate(network: Network, into: MutableMap<String, Double>) {
        val accumulators = metrics.map { it.accumulator(dataset.size) }
        var row = 0
        val epoch = batches.epoch()
        while (epoch.next()) {
            currentCoroutineContext().ensureActive()
            network.forward(epoch.x, false)
            val a = network.lastOutput()
            val n = epoch.size
            chunk.set(n, network.lossSumOfLastForward(epoch.y), a, epoch.y, labels?.labels, row)
            for (accumulator in accumulators) accumulator.add(chunk)
            if (predictions != null) {
                for (r in 0 until n) predictions[row + r] = predictedClass(a, r, encoding)
            }
            row += n
        }
        metrics.forEachIndexed { i, metric ->
            if (accumulators[i].defined()) into[MetricNames.of(part, metric.concept().name())] = accumulators[i].result()
        }
    }

    /** The names [evaluate] writes (AUC assumed computable), for checking a monitor up front. */
    fun metricNames(): List<String> = metrics.map { MetricNames.of(part, it.concept().name()) }

    /** scikit-learn's classification report of the last [evaluate], or null for regression. */
    fun report(): String? {
        val names = labels?.classNames ?: return null
        val classes = IntArray(names.size) { it }
        return ClassificationReport.of(labels.labels, predictions!!, classes).withTargetNames(names).toText(2)
    }

    companion object {
        /** Rows evaluated per forward pass (a run's parts, `Model.evaluate`): large enough to amortise the call, small enough for any width. */
        const val CHUNK_ROWS = 512
    }
}
