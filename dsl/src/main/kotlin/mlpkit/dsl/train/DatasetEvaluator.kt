package mlpkit.dsl.train

import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import mlpkit.core.layer.Dense
import mlpkit.core.metrics.ClassificationReport
import mlpkit.core.metrics.RocCurve
import mlpkit.core.network.Network
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.batch.BatchSize
import mlpkit.data.batch.MiniBatches
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.split.RowOrder
import mlpkit.dsl.model.positiveScore
import mlpkit.dsl.model.predictedClass

/**
 * Inference-mode metrics of one part of the data (validation after each epoch; every part at the end):
 * the mean per-sample loss, and for classes the accuracy, the AUC (two classes, both present) and a
 * classification report. The part is read in chunks through buffers allocated once, so evaluating
 * every epoch allocates nothing per chunk.
 */
internal class DatasetEvaluator(
    val part: String,
    val dataset: Dataset,
    private val encoding: TargetEncoding,
    chunkRows: Int,
) {
    private val batches = MiniBatches(dataset, BatchSize.of(chunkRows), RowOrder.AsGiven, encoding)
    private val labels: ClassLabels? = dataset.targets as? ClassLabels
    private val predictions: IntArray? = labels?.let { IntArray(dataset.size) }
    private val binary = labels != null && labels.classCount == 2 && labels.counts().all { it > 0 }
    private val scores: DoubleArray? = if (binary) DoubleArray(dataset.size) else null

    /** Evaluates [network] on the part and writes `<part>_loss`, `<part>_accuracy`, `<part>_auc` into [into]. */
    suspend fun evaluate(network: Network, into: MutableMap<String, Double>) {
        val output = network.layers().last() as Dense
        val loss = network.lossFunction()
        var lossSum = 0.0
        var correct = 0
        var row = 0
        var finiteScores = true
        val epoch = batches.epoch()
        while (epoch.next()) {
            currentCoroutineContext().ensureActive()
            network.forward(epoch.x, false)
            val a = output.output()
            lossSum += loss.sum(output.activation(), output.preActivation(), a, epoch.y)
            val n = epoch.size
            if (predictions != null) {
                for (r in 0 until n) {
                    val predicted = predictedClass(a, r, encoding)
                    predictions[row + r] = predicted
                    if (predicted == labels!!.labels[row + r]) correct++
                }
            }
            if (scores != null) {
                for (r in 0 until n) {
                    val score = positiveScore(a, r, encoding)
                    scores[row + r] = score
                    if (!score.isFinite()) finiteScores = false
                }
            }
            row += n
        }
        into[MetricNames.of(part, MetricNames.LOSS)] = lossSum / dataset.size
        if (predictions != null) into[MetricNames.of(part, MetricNames.ACCURACY)] = correct.toDouble() / dataset.size
        if (scores != null && finiteScores) into[MetricNames.of(part, MetricNames.AUC)] = RocCurve.auc(labels!!.labels, scores)
    }

    /** The names [evaluate] writes (AUC assumed computable), for checking an early-stopping monitor up front. */
    fun metricNames(): List<String> = buildList {
        add(MetricNames.of(part, MetricNames.LOSS))
        if (labels != null) add(MetricNames.of(part, MetricNames.ACCURACY))
        if (binary) add(MetricNames.of(part, MetricNames.AUC))
    }

    /** scikit-learn's classification report of the last [evaluate], or null for regression. */
    fun report(): String? {
        val names = labels?.classNames ?: return null
        val classes = IntArray(names.size) { it }
        return ClassificationReport.of(labels.labels, predictions!!, classes).withTargetNames(names).toText(2)
    }
}
