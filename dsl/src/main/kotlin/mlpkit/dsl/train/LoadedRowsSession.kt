package mlpkit.dsl.train

import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.FlowCollector
import mlpkit.core.concept.Registry
import mlpkit.core.distributed.AveragingPlan
import mlpkit.core.distributed.DataParallel
import mlpkit.core.distributed.DataParallelProvider
import mlpkit.core.distributed.DistributedRows
import mlpkit.core.distributed.LoadedRows
import mlpkit.core.distributed.NetworkRecipe
import mlpkit.core.distributed.TargetLayout
import mlpkit.core.matrix.KernelThreads
import mlpkit.core.metrics.Metric
import mlpkit.core.metrics.Monitor
import mlpkit.core.network.Network
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.scaling.MinMaxScaler
import mlpkit.data.scaling.StandardScaler
import mlpkit.data.table.ColumnPipeline
import mlpkit.dsl.EpochHook
import mlpkit.dsl.EpochReport
import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.ModelFile
import mlpkit.dsl.model.OptimizerStateFile
import mlpkit.dsl.resolve.EngineRowSource
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.ClusterStrategy
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.Scaling

/**
 * A run whose rows the engine reads itself ([DataSource.Spark]): nothing is loaded here. The engine ([handedEngine],
 * kept open by its owner, or the cluster block's, connected and closed here) reads and checks the rows, splits off
 * the validation rows and fits the input scaling on its workers ([DataParallel.load]); the network is built for the
 * width it found. Training is as for a cluster run of local rows (TrainingSession): L-BFGS on the engine's objective,
 * full-batch gradient descent one synchronous round per epoch, mini-batch optimisers one parameter-averaging round per
 * epoch. Class weights (`training.classWeight`, the balanced ones counted by the engine over its training rows) and
 * sample weights are on the rows' weights ([TrainingWeights.ofEngine]), normalised as locally. Each epoch's metrics
 * are scored on the workers ([DataParallel.score], [ScoreMetrics]): the training rows
 * after the step (`train_loss` of a round is the round's own, as for cluster runs), then the validation rows; early
 * stopping, the divergence guard, history, hooks and events are as for local runs. The model file holds the scaling
 * fitted by the engine and the label's class names, so `mlp predict` works on raw rows; for a table-form source
 * (`columns`) the column pipeline the engine fitted on the training rows instead, as a local table's model holds it.
 */
internal class LoadedRowsSession(
    private val spec: ExperimentSpec,
    private val hooks: List<EpochHook>,
    private val registry: Registry,
    private val recorder: RunRecorder?,
    private val stopSignal: StopSignal?,
    private val handedEngine: DataParallel?,
    /** The data frame of a [DataSource.Spark.FRAME] source, or null. */
    private val frame: Any?,
) {
    private val training = spec.training
    private val streams = SeedStreams(training.seed)
    private val notation = spec.network.notation()
    private val cluster = spec.cluster ?: throw IllegalArgumentException(
        "data.source of type spark is read by an engine, and this run has none: add \"cluster\": {\"master\": \"local[2]\"}, or run with --spark local[2]",
    )

    suspend fun run(events: FlowCollector<TrainingEvent>) {
        val outputs = spec.network.outputSize(1)
        val source = EngineRowSource.of(spec.data, training, outputs, streams.splitSeed, frame, notation)
        val engine = handedEngine ?: DataParallelProvider.named(cluster.engine).connect(cluster.master, cluster.conf)
        try {
            engine.load(source, cluster.partitions ?: engine.defaultPartitions()).use { loaded ->
                Training(engine, loaded, source.label(), TrainingWeights.ofEngine(training, loaded.classNames, loaded.classWeights, source.weight() != null)).run(events)
            }
        } finally {
            if (handedEngine == null) engine.close()
        }
    }

    /** One run on [loaded]. */
    private inner class Training(
        private val engine: DataParallel,
        private val loaded: LoadedRows,
        private val labelColumn: String,
        private val weights: TrainingWeights,
    ) {
        private val rows: DistributedRows = loaded.training
        private val network: Network = Network.build(spec.network, loaded.inputs(), training.loss, streams.init(), streams.dropout())
        private val recipe = NetworkRecipe.of(network)
        private val layout = rows.layout() ?: TargetLayout.VALUES
        private val encoding = when (layout) {
            TargetLayout.ONE_HOT -> TargetEncoding.ONE_HOT
            TargetLayout.BINARY -> TargetEncoding.BINARY_COLUMN
            TargetLayout.VALUES -> TargetEncoding.VALUES
        }
        private val optimizer = training.optimizer.start(network.layout().weightMask())
        private val schedule = training.schedule.start(training.epochs, loaded.trainingRows.toInt())
        private val strategy = cluster.strategyFor(training)
        private val normalization = weights.normalization
        private val metrics: ScoreMetrics = kotlin.run {
            val named = (spec.expect.map { it.metric } + training.callbacks.filterIsInstance<CallbackSpec.EarlyStopping>().map { it.monitor })
                .mapNotNull { runCatching { Monitor.metricOf(it, registry).concept().name() }.getOrNull() }.toSet()
            ScoreMetrics.of(registry, loaded.classNames?.size, network.outputSize()) { metric ->
                weights.weighted || metric.concept().name() in named || metric.reportedByDefault()
            }
        }
        private val earlyStopping = training.callbacks.filterIsInstance<CallbackSpec.EarlyStopping>().firstOrNull()
            ?.let { EarlyStopping(it, network.parameterCount(), network.state().size, registry) }
        private val divergenceGuard = (training.divergence as? DivergenceSpec.Guard)?.let { DivergenceGuard(it, training.optimizer.lr()) }
        private val history = ArrayList<HistoryRow>()
        private var completedEpochs = 0

        init {
            require(rows.outputs() == network.outputSize()) {
                val what = loaded.classNames?.let { "${it.size} classes (${it.take(10).joinToString(", ")})" } ?: "${rows.outputs()} target values per row"
                "$notation has ${network.outputSize()} output${if (network.outputSize() == 1) "" else "s"}, but label column '$labelColumn' holds $what: " +
                    "end with dense(${rows.outputs()}, …)"
            }
            earlyStopping?.requireMonitorIn(metrics.names(MetricNames.TRAIN) + (loaded.validation?.let { metrics.names(MetricNames.VALIDATION) } ?: emptyList()))
        }

        suspend fun run(events: FlowCollector<TrainingEvent>) {
            val threads = KernelThreads.start(training.threads)
            try {
                network.useThreads(threads)
                recorder?.started(spec)
                divergenceGuard?.start(score(rows).meanLoss())
                val reason = if (training.optimizer.fullBatch()) iterations(events) else rounds(events) ?: StopReason.Completed
                val result = finish(reason)
                recorder?.finished(result)
                events.emit(TrainingEvent.Stopped(reason, result))
            } finally {
                network.useThreads(KernelThreads.single())
                threads.close()
            }
        }

        private fun score(part: DistributedRows) = engine.score(part, recipe, network.parameters(), network.state())

        /** L-BFGS: one epoch per iteration on the engine's objective, as a cluster run of local rows. */
        private suspend fun iterations(events: FlowCollector<TrainingEvent>): StopReason {
            val objective = engine.objective(rows, recipe, normalization)
            val run = training.optimizer.startFullBatch(objective, network.parameters().copyOf(), training.epochs, network.layout().weightMask())
            while (!run.stopped()) {
                currentCoroutineContext().ensureActive()
                if (stopSignal?.isStopRequested == true) return StopReason.Cancelled
                val started = System.nanoTime()
                if (!run.iterate()) break
                run.parameters().copyInto(network.parameters())
                val stop = endEpoch(run.iterations(), run.step(), started, events, null)
                if (stop != null) return stop
            }
            return StopReason.SolverStopped(run.stopReason(), run.stopWords(), run.converged(), run.iterations(), run.evaluations(), run.loss())
        }

        /** Gradient descent (sync) or averaging: one round per epoch; the reason to stop, or null when every epoch ran. */
        private suspend fun rounds(events: FlowCollector<TrainingEvent>): StopReason? {
            val round = if (strategy == ClusterStrategy.AVERAGING) {
                EngineRound.averaging(network, optimizer, engine.averaging(rows, recipe, averagingPlan()))
            } else {
                EngineRound.sync(network, optimizer, engine.objective(rows, recipe, normalization), training.reduction, normalization, weights.weighted)
            }
            round.use {
                for (epoch in 1..training.epochs) {
                    currentCoroutineContext().ensureActive()
                    if (stopSignal?.isStopRequested == true) return StopReason.Cancelled
                    val started = System.nanoTime()
                    val rate = schedule.rate(training.optimizer.lr(), epoch - 1)
                    val loss = round.run(rate)
                    if (!loss.isFinite()) return NonFiniteDiagnosis.of(network, loss, epoch, 1, 1, rate, training.optimizer, training.reduction)
                    val stop = endEpoch(epoch, rate, started, events, loss)
                    if (stop != null) return stop
                }
                return null
            }
        }

        private fun averagingPlan(): AveragingPlan {
            val batch = (training.batchSize as BatchSizeSpec.Rows).rows
            return AveragingPlan(
                training.optimizer.notation(), batch, cluster.localSteps, training.shuffle && batch < loaded.trainingRows, training.reduction,
                normalization, cluster.optimizerState, streams.shuffleSeed, streams.dropoutSeed,
            )
        }

        /** Metrics (scored on the workers; [roundLoss] replaces `train_loss` when given), history, early stopping, hooks, event, guard. */
        private suspend fun endEpoch(epoch: Int, rate: Double, startedNanos: Long, events: FlowCollector<TrainingEvent>, roundLoss: Double?): StopReason? {
            val values = LinkedHashMap<String, Double>()
            scoreParts(values)
            val trainLoss = MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS)
            if (roundLoss != null) values[trainLoss] = roundLoss
            schedule.epochEnded(epoch - 1, values)
            val durationMillis = (System.nanoTime() - startedNanos) / 1_000_000
            history += HistoryRow(epoch, rate, durationMillis, values)
            completedEpochs = epoch
            val stopEarly = earlyStopping?.update(epoch, values, network.parameters(), network.state()) ?: false
            val loss = values.getValue(trainLoss)
            for (hook in hooks) hook.onEpochEnd(EpochReport(epoch, loss, values))
            events.emit(TrainingEvent.EpochEnd(epoch, loss, values, rate, durationMillis))
            return divergenceGuard?.update(epoch, loss)
                ?: when {
                    stopEarly -> StopReason.EarlyStopped(epoch, earlyStopping!!.bestEpoch)
                    schedule.ended() -> StopReason.EarlyStopped(epoch, earlyStopping?.bestEpoch ?: epoch)
                    else -> null
                }
        }

        private fun scoreParts(into: MutableMap<String, Double>) {
            metrics.write(MetricNames.TRAIN, score(rows), into)
            loaded.validation?.let { metrics.write(MetricNames.VALIDATION, score(it), into) }
        }

        private fun finish(reason: StopReason): TrainingResult {
            val restored = earlyStopping?.restoreBest(network.parameters(), network.state())
            val values = LinkedHashMap<String, Double>()
            scoreParts(values)
            val file = ModelFile(
                diverged = reason.divergence,
                notation = notation,
                inputSize = loaded.inputs(),
                loss = training.loss,
                targetEncoding = encoding,
                parameters = network.parameters().copyOf(),
                state = network.state().takeIf { it.isNotEmpty() }?.copyOf(),
                inputScaling = inputScaling(),
                classNames = loaded.classNames,
                featureNames = loaded.featureNames,
                targetNames = listOf(labelColumn).takeIf { layout == TargetLayout.VALUES && rows.outputs() == 1 },
                optimizer = OptimizerStateFile.of(optimizer.exportState()),
                history = history.toList(),
                spec = spec,
                pipeline = loaded.pipeline?.let { ColumnPipeline.fromJson(it) },
            )
            val description = ClusterTraining.describe(engine, strategy, rows.partitions())
            return TrainingResult(
                reason, completedEpochs, restored, history.toList(), values, emptyMap(), Model.ofTrained(file, network), earlyStopping?.state(),
                weights.takeIf { it.weighted }, description, listOfNotNull(metrics.note()),
            )
        }

        /** The scaling the engine applied, as a model file stores it: pixels by formula, a fitted scaler, or none. */
        private fun inputScaling(): InputScaling? {
            EngineRowSource.pixels(spec.data.scaling)?.let { return InputScaling.Pixels(it) }
            val shift = loaded.shift ?: return null
            val scale = loaded.scale!!
            return InputScaling.Fitted(
                when (spec.data.scaling) {
                    Scaling.STANDARD -> StandardScaler(shift.size, shift.toList(), scale.toList())
                    // The engine's minimum and range; the maximum is min + range (a constant column's range is 1).
                    else -> MinMaxScaler.ofBounds(shift.toList(), shift.indices.map { shift[it] + scale[it] })
                },
            )
        }
    }
}
