package mlpkit.dsl.cluster

import mlpkit.core.concept.Registry
import mlpkit.core.distributed.Averaging
import mlpkit.core.distributed.AveragingPlan
import mlpkit.core.distributed.DataParallel
import mlpkit.core.distributed.DataParallelProvider
import mlpkit.core.distributed.DistributedRows
import mlpkit.core.distributed.InputScaling
import mlpkit.core.distributed.LoadedRows
import mlpkit.core.distributed.RowScores
import mlpkit.core.distributed.RowSource
import mlpkit.core.distributed.TargetLayout
import mlpkit.core.distributed.NetworkRecipe
import mlpkit.core.distributed.RemoteTask
import mlpkit.core.loss.Loss
import mlpkit.core.loss.Reduction
import mlpkit.core.loss.WeightNormalization
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import mlpkit.core.network.Objective
import mlpkit.core.network.Seeds
import mlpkit.core.optim.OptimizerSpec
import mlpkit.core.optim.OptimizerState
import mlpkit.data.random.RandomState
import mlpkit.data.split.RowOrder
import mlpkit.data.table.ColumnOptionsSerializer
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.MissingValues
import mlpkit.data.table.RawTable

/**
 * A [DataParallel] engine inside this JVM, for tests of the wiring without Spark: partitions are contiguous ranges of
 * row numbers (partition p holds rows [p·n/k, (p+1)·n/k)), the objective is the sum of the parts' local objectives,
 * an averaging round runs each partition's local loop (as the local training loop runs its epoch) one after another
 * and averages with weights n_p / n, and [runTasks] is a loop. It records what was asked of it.
 */
class InProcessEngine(private val partitionsByDefault: Int = 2) : DataParallel {
    var closed = false
        private set

    /** The session [Provider.attach] was given, or null. */
    var session: Any? = null
    /** Rows sets distributed, and how many of them were closed. */
    var distributed = 0
        private set
    var released = 0
        private set
    var rounds = 0
        private set
    val tasks = mutableListOf<String>()

    override fun description(): String = "in-process test engine"

    override fun defaultPartitions(): Int = partitionsByDefault

    override fun distribute(x: DenseMatrix, y: DenseMatrix, weights: DoubleArray?, partitions: Int): DistributedRows {
        check(!closed) { "the engine is closed" }
        distributed++
        return Rows(x.copy(), y.copy(), weights?.clone(), partitions)
    }

    /**
     * Rows a test hands to [load]: as a [RowSource.frame], or under a file path in [FILES]. Labels are text (classes) or
     * targets. A table-form source ([RowSource.columns]) reads its feature columns as text from [columns] instead of [features].
     */
    class Table(
        val features: List<DoubleArray>,
        val labels: List<String>? = null,
        val targets: List<DoubleArray>? = null,
        val weights: DoubleArray? = null,
        val columns: RawTable? = null,
    )

    /** Rows loaded so far: which row numbers went to validation, per load. */
    val validationRows = mutableListOf<List<Int>>()

    /**
     * Reads a [Table] (the frame, or [FILES] at the path), sends row i to validation when a [java.util.Random] seeded
     * with seed + i draws below the fraction, numbers classes in sorted order, and fits standard scaling on the
     * training rows (population deviation, 1 for a constant column) as Spark's loader does; class weights (counted over
     * the training rows) times sample weights weigh the training rows, sample weights alone the validation rows.
     */
    override fun load(source: RowSource, partitions: Int): LoadedRows {
        val table = (source.frame() ?: FILES[source.path()] ?: error("no table at ${source.path()}")) as Table
        val n = table.columns?.rowCount ?: table.features.size
        val validation = (0 until n).filter { source.validationFraction() > 0 && java.util.SplittableRandom(source.validationSeed() + it).nextDouble() < source.validationFraction() }
        validationRows += validation
        val training = (0 until n).filter { it !in validation }
        val pipeline = source.columns()?.let { form ->
            val raw = table.columns ?: error("a table-form source needs the table's text columns")
            ColumnPipeline.fit(
                raw, raw.names, training.toIntArray(), ColumnOptionsSerializer.read(form.options()), ColumnScaling.of(form.defaultScaling().notation())!!,
                MissingValues(form.missing()),
            )
        }
        val features = pipeline?.transform(table.columns!!)?.let { x -> List(n) { x.getRow(it) } } ?: table.features
        val inputs = features[0].size
        val layout = source.layout()
        val classes = if (layout.classes()) table.labels!!.distinct().sorted() else null
        val outputs = when (layout) {
            TargetLayout.ONE_HOT -> classes!!.size
            TargetLayout.BINARY -> 1
            TargetLayout.VALUES -> table.targets!![0].size
        }
        var shift: DoubleArray? = null
        var scale: DoubleArray? = null
        if (source.scaling() == InputScaling.STANDARD) {
            shift = DoubleArray(inputs) { j -> training.sumOf { features[it][j] } / training.size }
            scale = DoubleArray(inputs) { j ->
                val sd = kotlin.math.sqrt(training.sumOf { (features[it][j] - shift[j]).let { d -> d * d } } / training.size)
                if (sd == 0.0) 1.0 else sd
            }
        }
        val classWeights = source.classWeights()?.perClass(classes, LongArray(classes!!.size) { c -> training.count { table.labels!![it] == classes[c] }.toLong() })
        fun rows(indices: List<Int>, weighClasses: Boolean): Rows {
            val x = DenseMatrix(indices.size, inputs)
            val y = DenseMatrix(indices.size, outputs)
            indices.forEachIndexed { r, i ->
                for (j in 0 until inputs) x.setEntry(r, j, features[i][j].let { v -> if (shift == null) v else (v - shift[j]) / scale!![j] })
                when (layout) {
                    TargetLayout.ONE_HOT -> y.setEntry(r, classes!!.indexOf(table.labels!![i]), 1.0)
                    TargetLayout.BINARY -> y.setEntry(r, 0, classes!!.indexOf(table.labels!![i]).toDouble())
                    TargetLayout.VALUES -> for (c in 0 until outputs) y.setEntry(r, c, table.targets!![i][c])
                }
            }
            distributed++
            val sample = table.weights?.let { w -> DoubleArray(indices.size) { w[indices[it]] } }
            val weights = if (classWeights == null || !weighClasses) sample
            else DoubleArray(indices.size) { r -> classWeights[classes!!.indexOf(table.labels!![indices[r]])] * (sample?.get(r) ?: 1.0) }
            return Rows(x, y, weights, partitions, layout)
        }
        return LoadedRows(
            rows(training, true), if (validation.isEmpty()) null else rows(validation, false), pipeline?.featureNames ?: (0 until inputs).map { "features[$it]" }, classes,
            shift, scale, training.size.toLong(), validation.size.toLong(), pipeline?.toJson(), classWeights,
        )
    }

    /** Scores every row in one forward pass, with the prediction rules of [TargetLayout]. */
    override fun score(rows: DistributedRows, recipe: NetworkRecipe, parameters: DoubleArray, state: DoubleArray?): RowScores {
        val r = rows as Rows
        scored++
        val network = recipe.build(0)
        parameters.copyInto(network.parameters())
        state?.copyInto(network.state())
        val out = network.forward(r.x, false)
        val loss = network.lossSumOfLastForward(r.y)
        val n = r.x.rowDimension
        val k = r.y.columnDimension
        if (r.layout != TargetLayout.VALUES) {
            val classes = if (r.layout == TargetLayout.BINARY) 2 else k
            val confusion = Array(classes) { LongArray(classes) }
            for (i in 0 until n) {
                val truth = if (classes == 2 && k == 1) r.y.getEntry(i, 0).toInt() else (0 until k).maxBy { r.y.getEntry(i, it) }
                val predicted = if (k == 1) (if (out.getEntry(i, 0) >= TargetLayout.BINARY_THRESHOLD) 1 else 0) else (0 until k).maxBy { out.getEntry(i, it) }
                confusion[truth][predicted]++
            }
            return RowScores(n.toLong(), loss, confusion, null, null, null, null, null)
        }
        val squared = DoubleArray(k)
        val absolute = DoubleArray(k)
        val max = DoubleArray(k)
        val means = DoubleArray(k) { c -> (0 until n).sumOf { r.y.getEntry(it, c) } / n }
        val squares = DoubleArray(k) { c -> (0 until n).sumOf { (r.y.getEntry(it, c) - means[c]).let { d -> d * d } } }
        for (i in 0 until n) for (c in 0 until k) {
            val e = r.y.getEntry(i, c) - out.getEntry(i, c)
            squared[c] += e * e
            absolute[c] += kotlin.math.abs(e)
            max[c] = maxOf(max[c], kotlin.math.abs(e))
        }
        return RowScores(n.toLong(), loss, null, squared, absolute, max, means, squares)
    }

    /** Calls of [score]. */
    var scored = 0
        private set

    inner class Rows(val x: DenseMatrix, val y: DenseMatrix, val weights: DoubleArray?, private val k: Int, val layout: TargetLayout? = null) : DistributedRows {
        private val n = x.rowDimension
        val ranges: List<IntRange> = (0 until k).map { p -> (p.toLong() * n / k).toInt() until ((p + 1).toLong() * n / k).toInt() }

        fun x(p: Int): DenseMatrix = slice(x, ranges[p])
        fun y(p: Int): DenseMatrix = slice(y, ranges[p])
        fun weights(p: Int): DoubleArray? = weights?.copyOfRange(ranges[p].first, ranges[p].last + 1)

        private fun slice(m: DenseMatrix, range: IntRange): DenseMatrix {
            val out = DenseMatrix(range.count(), m.columnDimension)
            for (i in range) for (c in 0 until m.columnDimension) out.setEntry(i - range.first, c, m.getEntry(i, c))
            return out
        }

        override fun rows(): Long = n.toLong()
        override fun partitions(): Int = k
        override fun inputs(): Int = x.columnDimension
        override fun outputs(): Int = y.columnDimension
        override fun weighted(): Boolean = weights != null
        override fun layout(): TargetLayout? = layout
        override fun close() {
            released++
        }
    }

    override fun objective(rows: DistributedRows, recipe: NetworkRecipe, normalization: WeightNormalization): Objective {
        val r = rows as Rows
        val parts = r.ranges.indices.filter { !r.ranges[it].isEmpty() }.map { p ->
            val network = recipe.build(0)
            val w = r.weights(p)
            if (w == null) network.objective(r.x(p), r.y(p), false) else network.objective(r.x(p), r.y(p), w, normalization, false)
        }
        val total = r.rows()
        val denominator = r.weights?.let { normalization.denominator(Reduction.MEAN, total.toInt(), it.sum()) } ?: total.toDouble()
        return object : Objective {
            override fun dimension(): Int = parts.first().dimension()

            override fun evaluate(parameters: DoubleArray, gradient: DoubleArray): Objective.Evaluation {
                rounds++
                gradient.fill(0.0)
                val partial = DoubleArray(gradient.size)
                var loss = 0.0
                for (part in parts) {
                    loss += part.evaluate(parameters, partial).lossSum()
                    for (i in gradient.indices) gradient[i] += partial[i]
                }
                return Objective.Evaluation(loss, total, denominator)
            }

            override fun value(parameters: DoubleArray): Objective.Evaluation {
                rounds++
                return Objective.Evaluation(parts.sumOf { it.value(parameters).lossSum() }, total, denominator)
            }
        }
    }

    override fun averaging(rows: DistributedRows, recipe: NetworkRecipe, plan: AveragingPlan): Averaging {
        val r = rows as Rows
        val parts = r.ranges.indices.filter { !r.ranges[it].isEmpty() }.map { Partition(r, it, recipe, plan) }
        val fresh = optimizerSpec(plan).start(null).exportState()
        return object : Averaging {
            override fun round(parameters: DoubleArray, state: OptimizerState?, learningRate: Double): Averaging.Round {
                rounds++
                val start = parameters.copyOf()
                val average = DoubleArray(parameters.size)
                val arrays = LinkedHashMap<String, DoubleArray>()
                var lossSum = 0.0
                var visited = 0L
                var steps = 0
                var stepCounter = 0L
                for (part in parts) {
                    val given = if (plan.stateRule() == AveragingPlan.StateRule.AVERAGE && state != null) state else fresh
                    val result = part.train(start, given, learningRate)
                    val share = part.rows.toDouble() / r.rows()
                    for (i in average.indices) average[i] += share * part.network.parameters()[i]
                    for ((name, values) in result.state.arrays()) {
                        val sum = arrays.getOrPut(name) { DoubleArray(values.size) }
                        for (i in sum.indices) sum[i] += share * values[i]
                    }
                    lossSum += result.lossSum
                    visited += result.rows
                    steps = maxOf(steps, result.steps)
                    stepCounter = maxOf(stepCounter, result.state.step())
                }
                average.copyInto(parameters)
                val kind = fresh.kind()
                val out = if (plan.stateRule() == AveragingPlan.StateRule.AVERAGE) OptimizerState(kind, stepCounter, arrays) else fresh
                return Averaging.Round(out, lossSum, visited, steps)
            }

            override fun close() = Unit
        }
    }

    override fun runTasks(task: Class<out RemoteTask>, inputs: List<String>): List<String> = inputs.map { input ->
        tasks += input
        task.getDeclaredConstructor().newInstance().run(input)
    }

    override fun close() {
        closed = true
    }

    private class LocalResult(val state: OptimizerState, val lossSum: Double, val rows: Long, val steps: Int)

    /** One partition's local loop: its own network, optimiser, shuffling and dropout streams, kept from round to round. */
    private class Partition(r: InProcessEngine.Rows, p: Int, recipe: NetworkRecipe, private val plan: AveragingPlan) {
        private val x = r.x(p)
        private val y = r.y(p)
        private val weights = r.weights(p)
        val rows = x.rowDimension
        val network: Network = Network.build(
            NetworkSpec.parse(recipe.notation()), recipe.inputSize(), Registry.builtIns().parse(Loss.KIND, recipe.loss()),
            RandomState(0), RandomState(seedOf(plan.dropoutSeed(), p)),
        )
        private val optimizer = optimizerSpec(plan).start(network.layout().weightMask())
        private val order = if (plan.shuffle()) RowOrder.Shuffled(RandomState(seedOf(plan.shuffleSeed(), p))) else RowOrder.AsGiven
        private val batch = minOf(plan.batchSize(), rows)
        private val visit = IntArray(rows)
        private var position = rows // the next row of the current pass; a new pass starts when it reaches rows

        fun train(start: DoubleArray, state: OptimizerState, rate: Double): LocalResult {
            start.copyInto(network.parameters())
            optimizer.restoreState(state)
            var lossSum = 0.0
            var visited = 0L
            var steps = 0
            if (plan.localSteps() == 0) position = rows
            while (if (plan.localSteps() == 0) steps == 0 || position < rows else steps < plan.localSteps()) {
                if (position >= rows) {
                    order.arrange(visit)
                    position = 0
                }
                val count = minOf(batch, rows - position)
                val bx = DenseMatrix(count, x.columnDimension)
                val by = DenseMatrix(count, y.columnDimension)
                for (i in 0 until count) {
                    for (c in 0 until x.columnDimension) bx.setEntry(i, c, x.getEntry(visit[position + i], c))
                    for (c in 0 until y.columnDimension) by.setEntry(i, c, y.getEntry(visit[position + i], c))
                }
                val bw = weights?.let { w -> DoubleArray(count) { w[visit[position + it]] } }
                val loss = if (bw == null) {
                    network.computeGradient(bx, by, plan.reduction())
                } else {
                    network.computeGradient(bx, by, bw, plan.reduction(), plan.normalization(), true)
                }
                lossSum += if (plan.reduction() == Reduction.MEAN) loss * count else loss
                visited += count
                if (bw != null && plan.normalization() == WeightNormalization.SUM_OF_WEIGHTS) {
                    optimizer.stepWeighted(network.parameters(), network.gradients(), rate, bw.sum())
                } else {
                    optimizer.step(network.parameters(), network.gradients(), rate, count)
                }
                position += count
                steps++
            }
            return LocalResult(optimizer.exportState(), lossSum, visited, steps)
        }
    }

    /** Finds this engine by the name `in-process` (META-INF/services in the test resources); each connection is a new engine. */
    class Provider : DataParallelProvider {
        override fun name(): String = NAME

        override fun connect(master: String, conf: Map<String, String>): DataParallel {
            if (master == UNREACHABLE) throw IllegalStateException("cannot reach master $master")
            return InProcessEngine().also { CONNECTED.add(it) }
        }

        /** An engine "attached" to [session] (any object: the test double has no sessions), recorded in [ATTACHED]. */
        override fun attach(session: Any): DataParallel = InProcessEngine().also {
            it.session = session
            ATTACHED.add(it)
        }
    }

    companion object {
        const val NAME = "in-process"
        const val UNREACHABLE = "nowhere:1"

        /** Engines [Provider] attached, in order. */
        val ATTACHED: MutableList<InProcessEngine> = java.util.Collections.synchronizedList(mutableListOf())

        /** Tables a [RowSource.files] source finds by its path. */
        val FILES: MutableMap<String, Table> = java.util.concurrent.ConcurrentHashMap()

        /** Engines [Provider] connected, in order (tests only read the last). */
        val CONNECTED: MutableList<InProcessEngine> = java.util.Collections.synchronizedList(mutableListOf())

        private fun seedOf(seed: Long, partition: Int): Long = if (partition == 0) seed else Seeds.derive(seed, partition)

        private fun optimizerSpec(plan: AveragingPlan): OptimizerSpec = Registry.builtIns().parse(OptimizerSpec.KIND, plan.optimizer())
    }
}
