package mlpkit.data.batch

import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.matrix.KernelThreads
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.Features
import mlpkit.data.RegressionTargets
import mlpkit.data.split.IndexedFeatures
import mlpkit.data.split.RowOrder

/**
 * Mini-batches of a data set (or of a split part), copied into two matrices allocated once: X
 * (batch rows × feature columns) and Y (batch rows × target columns, see [TargetEncoding]).
 *
 * Each [epoch] visits every row exactly once, in [order]: shuffled epochs draw a new Fisher–Yates
 * permutation from the order's generator, so the same seed gives the same batches. The last batch
 * of an epoch may have fewer rows; it is then a view of the first rows of the same buffers (same
 * arrays), unless [dropLast] leaves it out. A data set with sample weights also fills [Epoch.weights] (one
 * buffer, allocated once). An [augmentation] rewrites each batch's features after they
 * are copied. Filling a batch allocates nothing; a full batch in the given order is filled once and kept.
 *
 * One consumer at a time: the buffers are overwritten by every batch, and starting an epoch ends the
 * previous one.
 *
 * ```
 * val batches = MiniBatches(split.train, BatchSize.of(64), RowOrder.Shuffled(random))
 * repeat(epochs) { val epoch = batches.epoch(); while (epoch.next()) step(epoch.x, epoch.y) }
 * ```
 */
class MiniBatches(
    val dataset: Dataset,
    batchSize: BatchSize,
    private val order: RowOrder,
    val encoding: TargetEncoding = TargetEncoding.defaultFor(dataset.targets),
    val dropLast: Boolean = false,
    /** Applied to the features of every batch after they are copied (e.g. [RandomShift]); null for none. */
    val augmentation: BatchAugmentation? = null,
) {
    private val rows = dataset.size

    /** Rows of a full batch (the whole set for [BatchSize.Full]; at most the set's size). */
    val rowsPerBatch: Int

    /** Batches each epoch yields, counting a smaller last batch unless [dropLast]. */
    val batchesPerEpoch: Int

    /** Columns of Y. */
    val targetColumns: Int = encoding.columnsFor(dataset.targets)

    // A split part is IndexedFeatures: read its base directly through a row map composed once per
    // epoch, so that no index translation (and no allocation) happens per batch.
    private val source: Features
    private val sourceRowOf: IntArray?

    /** Rows of the data set in this epoch's order (these index the targets). */
    private val visit = IntArray(rows)

    /** The same rows as rows of [source] (the same array when there is no row map). */
    private val sourceRows: IntArray

    private val fullX: DenseMatrix
    private val fullY: DenseMatrix
    private val lastX: DenseMatrix
    private val lastY: DenseMatrix
    private val lastRows: Int
    private var epochsStarted = 0

    /**
     * One batch of every row, in the given order, that no augmentation rewrites: its features, targets and weights are
     * the same every epoch, so they are copied by the first epoch only (a full-batch run copies nothing per iteration).
     */
    private val sameBatchEveryEpoch: Boolean
    private var filled = false

    /**
     * The threads that copy a batch's features (the training's kernel threads): a batch of at least [PARALLEL_VALUES]
     * values is cut into one block of rows per thread, each copied (and converted from bytes) by one thread into its own
     * rows, the same values as one thread gives. Set it before the epochs; [KernelThreads.single] copies on the caller.
     */
    var threads: KernelThreads = KernelThreads.single()
        set(value) {
            field = value
            copy = if (value.count() > 1 && rowsPerBatch.toLong() * source.cols >= PARALLEL_VALUES) ParallelCopy(value.count()) else null
        }
    private var copy: ParallelCopy? = null

    /** The batch's row weights, reused (null when the data set has none). */
    private val weightBuffer: DoubleArray? = dataset.weights?.let { DoubleArray(maxOf(1, minOf(rows, (batchSize as? BatchSize.Rows)?.rows ?: rows))) }

    init {
        require(rows > 0) { "'${dataset.name}' has no rows to make batches of" }
        rowsPerBatch = when (batchSize) {
            is BatchSize.Full -> rows
            is BatchSize.Rows -> minOf(batchSize.rows, rows)
        }
        val requested = (batchSize as? BatchSize.Rows)?.rows ?: rows
        require(!(dropLast && requested > rows)) {
            "'${dataset.name}' has $rows rows, fewer than a batch of $requested, and dropLast leaves out the partial batch, " +
                "so no batch would be made: use a batch size of at most $rows or dropLast = false"
        }
        val remainder = rows % rowsPerBatch
        batchesPerEpoch = rows / rowsPerBatch + if (remainder != 0 && !dropLast) 1 else 0
        lastRows = if (remainder != 0 && !dropLast) remainder else rowsPerBatch

        val features = dataset.features
        if (features is IndexedFeatures) {
            source = features.base
            sourceRowOf = features.indices()
            sourceRows = IntArray(rows)
        } else {
            source = features
            sourceRowOf = null
            sourceRows = visit
        }
        fullX = DenseMatrix(rowsPerBatch, source.cols)
        fullY = DenseMatrix(rowsPerBatch, targetColumns)
        lastX = fullX.withRows(lastRows)
        lastY = fullY.withRows(lastRows)
        sameBatchEveryEpoch = batchesPerEpoch == 1 && order is RowOrder.AsGiven && augmentation == null
    }

    /**
     * Starts the next epoch: draws this epoch's row order (a fresh permutation when shuffled) and
     * returns a cursor over its batches. The previous epoch's cursor stops working.
     */
    fun epoch(): Epoch {
        order.arrange(visit)
        val rowMap = sourceRowOf
        if (rowMap != null) for (i in 0 until rows) sourceRows[i] = rowMap[visit[i]]
        epochsStarted++
        return Epoch(epochsStarted)
    }

    /** The batches of one epoch: call [next] until it returns false; read [x] and [y] after each call. */
    inner class Epoch internal constructor(
        /** 1 for the first epoch of these batches, 2 for the second, … */
        val number: Int,
    ) {
        private var batch = -1

        /** Index of the current batch in this epoch (0-based), −1 before the first [next]. */
        val batchIndex: Int get() = batch

        /** Features of the current batch: [size] rows (a view of the shared buffer). */
        var x: DenseMatrix = fullX
            private set

        /** Targets of the current batch, encoded as [encoding]: [size] rows. */
        var y: DenseMatrix = fullY
            private set

        /**
         * The sample weights of the current batch's rows, in its first [size] entries (a buffer reused by every
         * batch, which may be longer than the batch), or null when the data set has no weights.
         */
        val weights: DoubleArray? get() = weightBuffer

        /** Rows in the current batch. */
        val size: Int get() = x.rowDimension

        /** Fills [x] and [y] with the next batch; false when the epoch is over. */
        fun next(): Boolean {
            check(number == epochsStarted) {
                "epoch $number of '${dataset.name}' was ended by starting epoch $epochsStarted: " +
                    "the batches share one buffer, so use one epoch at a time"
            }
            if (batch + 1 >= batchesPerEpoch) return false
            batch++
            val last = batch == batchesPerEpoch - 1
            x = if (last) lastX else fullX
            y = if (last) lastY else fullY
            if (sameBatchEveryEpoch && filled) return true
            val start = batch * rowsPerBatch
            val count = x.rowDimension
            val parallel = copy
            if (parallel != null) parallel.rows(start, last) else source.copyRows(sourceRows, start, count, x)
            augmentation?.apply(x)
            fillTargets(start, count, y)
            val w = weightBuffer
            if (w != null) {
                val source = dataset.weights!!
                for (r in 0 until count) w[r] = source[visit[start + r]]
            }
            filled = true
            return true
        }

        /** The row of the data set that row [row] of the current batch holds. */
        fun datasetRow(row: Int): Int {
            check(batch >= 0) { "no batch yet: call next() first" }
            require(row in 0 until size) { "row $row is outside the current batch of $size rows" }
            return visit[batch * rowsPerBatch + row]
        }
    }

    /**
     * A batch's features copied by [threads]: rows cut into [blocks] blocks made once, as views of the batch buffers
     * (for the full batches and for the smaller last one), so that a batch allocates nothing.
     */
    private inner class ParallelCopy(private val blocks: Int) : KernelThreads.Chunks {
        private val fullViews = views(fullX)
        private val lastViews = views(lastX)
        private var views = fullViews
        private var start = 0

        private fun views(batch: DenseMatrix): Array<Pair<Int, DenseMatrix>> {
            val rows = batch.rowDimension
            val count = minOf(blocks, rows)
            return Array(count) { b ->
                val from = rows * b / count
                val to = rows * (b + 1) / count
                from to DenseMatrix(to - from, batch.columnDimension, batch.data(), batch.offset() + from * batch.columnDimension)
            }
        }

        fun rows(start: Int, last: Boolean) {
            this.start = start
            views = if (last) lastViews else fullViews
            threads.forChunks(views.size, this)
        }

        override fun run(chunk: Int) {
            val (from, view) = views[chunk]
            source.copyRows(sourceRows, start + from, view.rowDimension, view)
        }
    }

    private fun fillTargets(start: Int, count: Int, out: DenseMatrix) {
        val data = out.data()
        when (val targets = dataset.targets) {
            is ClassLabels -> {
                val labels = targets.labels
                if (encoding == TargetEncoding.ONE_HOT) {
                    val classes = targetColumns
                    data.fill(0.0, 0, count * classes)
                    for (r in 0 until count) data[r * classes + labels[visit[start + r]]] = 1.0
                } else {
                    // BINARY_COLUMN and LABEL_COLUMN both hold the label itself (0/1 for two classes).
                    for (r in 0 until count) data[r] = labels[visit[start + r]].toDouble()
                }
            }
            is RegressionTargets -> {
                val values = targets.values
                val outputs = targetColumns
                for (r in 0 until count) {
                    System.arraycopy(values.data(), values.offset() + visit[start + r] * outputs, data, r * outputs, outputs)
                }
            }
        }
    }

    companion object {
        /** Values of a batch from which its copy is shared between threads (64 rows of 784 pixels are 50,176). */
        const val PARALLEL_VALUES = 16_384L
    }

    override fun toString(): String =
        "MiniBatches('${dataset.name}', $batchesPerEpoch batches of $rowsPerBatch rows per epoch, $order, $encoding" +
            (if (dropLast) ", dropLast" else "") + ")"
}
