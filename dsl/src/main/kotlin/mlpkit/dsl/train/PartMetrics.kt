package mlpkit.dsl.train

import mlpkit.core.concept.Registry
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.metrics.Metric
import mlpkit.core.metrics.Monitor
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.data.ClassLabels
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.scaling.Scaler
import mlpkit.dsl.model.binaryClass
import mlpkit.dsl.model.positiveScore
import mlpkit.dsl.model.predictedClass

/**
 * The registry's metrics a part of the data can have, in report order (the loss first, then the others by
 * name: `train_loss`, `train_accuracy`, `train_auc`): those whose needs its targets meet.
 */
internal object PartMetrics {
    private const val LOSS = "loss"

    /**
     * [registry] with the metrics a run of [spec] reports: a metric that is not reported by default (the imbalance
     * metrics) only when the run is [weighted] or an expectation or the early-stopping monitor names it.
     */
    fun reportedRegistry(spec: ExperimentSpec, registry: Registry, weighted: Boolean): Registry {
        val named = (spec.expect.map { it.metric } + spec.training.callbacks.filterIsInstance<CallbackSpec.EarlyStopping>().map { it.monitor })
            .mapNotNull { runCatching { Monitor.metricOf(it, registry).concept().name() }.getOrNull() }.toSet()
        return Registry.of(
            registry.all().filter { c ->
                c.kind() != Metric.KIND || weighted || c.name() in named || (c.create() as Metric).reportedByDefault()
            },
        )
    }

    /** The metrics of a part with [targets]; [onTrainingBatches] keeps those measured on the training batches. */
    fun of(registry: Registry, targets: Targets, onTrainingBatches: Boolean = false): List<Metric> =
        registry.of(Metric.KIND).all()
            .sortedWith(compareBy({ it.name() != LOSS }, { it.name() }))
            .map { it.create() }
            .filter { !onTrainingBatches || it.onTrainingBatches() }
            .filter { metric ->
                when (metric.needs()!!) {
                    Metric.Needs.ANY -> true
                    Metric.Needs.CLASSES -> targets is ClassLabels
                    Metric.Needs.TWO_CLASSES -> targets is ClassLabels && targets.classCount == 2 && targets.counts().all { it > 0 }
                    Metric.Needs.VALUES -> targets is RegressionTargets
                    Metric.Needs.ONE_VALUE -> targets is RegressionTargets && targets.outputs == 1
                }
            }
}

/**
 * A chunk of rows for the metrics: the outputs of one forward pass, the encoded targets, the loss sum, and the
 * true classes either from an array of labels ([labels] from [labelOffset]) or, for training batches, read
 * from the encoded targets with the same rule as the prediction (argmax of one-hot, 0/1 column).
 *
 * With a [targetScaler] (a regression run with `data.targetScaling`) the outputs and targets the metrics see
 * are mapped back to the targets' own units (copies; the loss sum stays the one on the scaled targets), so R²,
 * MAE, RMSE … are reported in the user's units and the loss in the units the network learnt.
 */
internal class EvaluatedChunk(private val encoding: TargetEncoding, private val targetScaler: Scaler? = null) : Metric.Chunk {
    private var rows = 0
    private var lossSum = 0.0
    private lateinit var outputs: DenseMatrix
    private lateinit var targets: DenseMatrix
    private var labels: IntArray? = null
    private var outputBuffer: DenseMatrix? = null
    private var targetBuffer: DenseMatrix? = null
    private var labelOffset = 0

    fun set(rows: Int, lossSum: Double, outputs: DenseMatrix, targets: DenseMatrix, labels: IntArray?, labelOffset: Int): EvaluatedChunk {
        this.rows = rows
        this.lossSum = lossSum
        if (targetScaler == null) {
            this.outputs = outputs
            this.targets = targets
        } else {
            this.outputs = unscaled(outputs, rows, outputBuffer).also { outputBuffer = it }
            this.targets = unscaled(targets, rows, targetBuffer).also { targetBuffer = it }
        }
        this.labels = labels
        this.labelOffset = labelOffset
        return this
    }

    /** The first [rows] rows of [scaled] in the targets' units, in [buffer] when it has the shape (reused per chunk). */
    private fun unscaled(scaled: DenseMatrix, rows: Int, buffer: DenseMatrix?): DenseMatrix {
        val out = if (buffer != null && buffer.rowDimension == rows && buffer.columnDimension == scaled.columnDimension) {
            buffer
        } else {
            DenseMatrix(rows, scaled.columnDimension)
        }
        System.arraycopy(scaled.data(), scaled.offset(), out.data(), out.offset(), rows * scaled.columnDimension)
        targetScaler!!.inverseTransformInPlace(out, rows)
        return out
    }

    override fun rows(): Int = rows

    override fun lossSum(): Double = lossSum

    override fun outputs(): DenseMatrix = outputs

    override fun targets(): DenseMatrix = targets

    override fun label(r: Int): Int = labels?.let { it[labelOffset + r] } ?: predictedClass(targets, r, encoding)

    override fun predicted(r: Int): Int = predictedClass(outputs, r, encoding)

    override fun positiveScore(r: Int): Double = positiveScore(outputs, r, encoding)

    /** A single output against 0/1 targets (a binary problem's training batches): both thresholded in one loop. */
    override fun correct(): Int {
        if (encoding == TargetEncoding.ONE_HOT || labels != null) return super.correct()
        val o = outputs.data()
        val t = targets.data()
        val oc = outputs.columnDimension
        val tc = targets.columnDimension
        var oi = outputs.offset()
        var ti = targets.offset()
        var correct = 0
        repeat(rows) {
            if (binaryClass(o[oi]) == binaryClass(t[ti])) correct++
            oi += oc
            ti += tc
        }
        return correct
    }
}
