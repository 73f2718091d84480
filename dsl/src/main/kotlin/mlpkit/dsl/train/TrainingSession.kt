package mlpkit.dsl.train

import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.FlowCollector
import mlpkit.core.concept.Registry
import mlpkit.core.loss.Reduction
import mlpkit.core.loss.WeightNormalization
import mlpkit.core.matrix.KernelThreads
import mlpkit.core.distributed.AveragingPlan
import mlpkit.core.distributed.DataParallel
import mlpkit.core.network.Network
import mlpkit.core.network.Objective
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.spec.ClusterStrategy
import mlpkit.data.batch.BatchSize
import mlpkit.data.batch.BatchAugmentation
import mlpkit.data.batch.MiniBatches
import mlpkit.data.batch.RandomShift
import mlpkit.data.idx.ImageFeatures
import mlpkit.data.split.IndexedFeatures
import mlpkit.data.split.RowOrder
import mlpkit.dsl.EpochHook
import mlpkit.dsl.EpochReport
import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.ModelFile
import mlpkit.dsl.model.OptimizerStateFile
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.resolve.chooseTargetEncoding
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.TrainingSpec

/**
 * One execution of a run: built (data resolved, network initialised, optimiser and batches set up, a
 * checkpoint restored) on the training dispatcher when the flow is collected, then [run] drives the
 * epochs. Everything here belongs to this execution only, so collecting a run's flow twice gives two
 * independent, identical executions.
 *
 * Per epoch: the schedule's rate for the epoch; for each mini-batch (shuffled by the run's shuffle
 * stream): a check for cancellation, the gradient, a check that the loss is finite, the optimiser
 * step. Then the validation metrics, early stopping, the checkpoint, the user's hooks, the event, and
 * the divergence guard.
 * The batch loop allocates nothing: batches, network and optimiser reuse their buffers.
 *
 * A spec with a `cluster` block trains through a [DataParallel] engine ([ClusterTraining], see docs/spark.md): the
 * training rows are sent once; L-BFGS minimises the engine's objective, full-batch gradient descent steps on it
 * ([runRounds] under strategy sync), and mini-batch optimisers run one parameter-averaging round per epoch.
 * Everything after the round (validation, early stopping, history, checkpoints, the model) is as above.
 */
internal class TrainingSession(
    private val spec: ExperimentSpec,
    private val hooks: List<EpochHook>,
    private val registry: Registry,
    resolver: DataResolver,
    resolved: ResolvedData?,
    private val recorder: RunRecorder?,
    private val stopSignal: StopSignal?,
    resume: TrainingCheckpoint?,
    start: TrainingStart? = null,
    /** An engine the caller keeps open, for a run with a cluster block; null connects to the block's own. */
    private val handedEngine: DataParallel? = null,
    /** Where the loop is inside its epoch, written once per batch for a display that polls it. */
    private val progress: TrainingProgress = TrainingProgress(),
) {
    private val training = spec.training
    private val streams = SeedStreams(training.seed)
    private val data = resolved ?: resolver.resolve(spec.data, streams.split(), streams.dataSeed)
    private val networkSpec = spec.network
    private val notation = networkSpec.notation()
    private val shuffleRandom = streams.shuffle()
    private val dropoutRandom = streams.dropout()
    private val augmentRandom = streams.augment()
    private val network: Network = Network.build(networkSpec, data.inputSize, training.loss, streams.init(), dropoutRandom)
    private val encoding = chooseTargetEncoding(training.loss, network.outputSize(), data.train.targets, notation)
    private val optimizer = training.optimizer.start(network.layout().weightMask())
    private val schedule = training.schedule.start(training.epochs, data.train.size)
    private val reduction = training.reduction

    /** Class × sample weights of the training rows (none for an unweighted run). */
    internal val weights = TrainingWeights.of(training, data.train)

    /** The training rows with their weights (the resolved part itself when the run is unweighted). */
    private val trainRows = weights.rows?.let { data.train.withWeights(it) } ?: data.train

    /**
     * The registry whose metrics the parts report: a metric that is not reported by default (the imbalance metrics)
     * only when the run is weighted or an expectation or the early-stopping monitor names it.
     */
    private val metricRegistry: Registry = PartMetrics.reportedRegistry(spec, registry, weights.weighted)
    private val batches = miniBatches(start?.rowOrder)
    private val weightMask = network.layout().weightMask()

    /** λ of a per-sample weight decay (scikit-learn's alpha), whose penalty goes into `train_objective`; else 0. */
    private val perSampleDecay = training.optimizer.takeIf { it.weightDecayPerSample() && !it.fullBatch() }?.weightDecay() ?: 0.0
    private val epochMetrics = EpochMetrics(
        PartMetrics.of(metricRegistry, data.train.targets, onTrainingBatches = true), encoding, data.targetScaler, penalised = perSampleDecay > 0,
    )
    private val validation = data.validation?.let { DatasetEvaluator(MetricNames.VALIDATION, it, encoding, EVALUATION_CHUNK, metricRegistry, data.targetScaler) }
    private val earlyStopping = training.callbacks.filterIsInstance<CallbackSpec.EarlyStopping>().firstOrNull()
        ?.let { EarlyStopping(it, network.parameterCount(), network.state().size, registry) }
    private val divergenceGuard = (training.divergence as? DivergenceSpec.Guard)?.let { DivergenceGuard(it, training.optimizer.lr()) }
    private val checkpointEvery = training.callbacks.filterIsInstance<CallbackSpec.Checkpoint>().firstOrNull()?.every
    private val history = ArrayList<HistoryRow>()
    private val resumed = resume != null
    private var completedEpochs = 0

    /** A checkpoint written in the epoch in which the divergence guard stopped the run: that run was over. */
    private var divergedBeforeResume: StopReason.Diverged? = null

    /** The untrained network's training loss (the divergence guard's first yardstick), when the guard is on. */
    private var divergenceBaseline: Double? = null

    /** Whether the optimiser is full-batch (L-BFGS): one epoch is then one of its iterations over every training row. */
    private val fullBatch = training.optimizer.fullBatch()

    /** The engine's connection while a run with a cluster block trains (opened and closed by [run]). */
    private var cluster: ClusterTraining? = null

    init {
        earlyStopping?.requireMonitorIn(epochMetricNames())
        if (start != null) begin(start)
        if (resume != null) {
            require(start?.rowOrder == null) { "a run given its row order (TrainingStart.rowOrder) cannot be resumed from a checkpoint: start it again" }
            require(!fullBatch) {
                "a checkpoint of a ${training.optimizer.notation()} run cannot be resumed: L-BFGS keeps no checkpoint of its " +
                    "(s, y) history, so start the run again"
            }
            require(spec.cluster?.strategyFor(training) != ClusterStrategy.AVERAGING) {
                "a checkpoint of a parameter-averaging run cannot be resumed: the partitions' shuffling and dropout streams are " +
                    "not saved, so start the run again (or resume it locally without the cluster block)"
            }
            restore(resume)
        }
    }

    private fun miniBatches(given: RowOrder?): MiniBatches {
        val size = when (val b = training.batchSize) {
            is BatchSizeSpec.Rows -> BatchSize.of(b.rows)
            BatchSizeSpec.Full -> BatchSize.Full
        }
        // One batch per epoch needs no shuffling: the order would only change the rounding of the sums.
        val onlyOneBatch = size is BatchSize.Full || (size as BatchSize.Rows).rows >= data.train.size
        val order = if (onlyOneBatch || !training.shuffle) RowOrder.AsGiven else given ?: RowOrder.Shuffled(shuffleRandom)
        return MiniBatches(trainRows, size, order, encoding, augmentation = augmentation())
    }

    /** The spec's augmentation of the training batches; images only (DataChecks refuses other sources). */
    private fun augmentation(): BatchAugmentation? {
        val augment = spec.data.augment ?: return null
        val images = data.train.features.let { (it as? IndexedFeatures)?.base ?: it } as? ImageFeatures
            ?: throw IllegalArgumentException(
                "data.augment shifts images, but the training rows are not an image set (${data.train.features}): " +
                    "remove data.augment or train on mnist, fashion-mnist or idx files",
            )
        return RandomShift(images.height, images.width, augment.shift, augmentRandom)
    }

    private fun epochMetricNames(): List<String> = buildList {
        addAll(epochMetrics.names())
        validation?.let { addAll(it.metricNames()) }
    }

    private fun begin(start: TrainingStart) {
        require(start.parameters.size == network.parameterCount()) {
            "the starting parameters have ${start.parameters.size} entries but $notation has ${network.parameterCount()}: " +
                "give parameters in this network's layout (Network.parameters())"
        }
        start.parameters.copyInto(network.parameters())
        start.optimizer?.let { optimizer.restoreState(it) }
        start.earlyStopping?.let { state ->
            (earlyStopping ?: throw IllegalArgumentException("the start carries an early-stopping state, but the run has no earlyStopping callback: add one or leave the state out"))
                .restore(state)
        }
    }

    private fun restore(checkpoint: TrainingCheckpoint) {
        val model = checkpoint.model
        require(model.parameters.size == network.parameterCount()) {
            "the checkpoint holds ${model.parameters.size} parameters but $notation has ${network.parameterCount()}: " +
                "it belongs to another network"
        }
        val layerState = model.state ?: DoubleArray(0)
        require(layerState.size == network.state().size) {
            "the checkpoint holds ${layerState.size} values of layer state but $notation keeps ${network.state().size}: " +
                "it belongs to another network"
        }
        require(checkpoint.trainRows == data.train.size && model.inputScaling == data.inputScaling && model.targetScaling == data.targetScaler && model.pipeline == data.pipeline) {
            "the data changed since the checkpoint (it trained on ${checkpoint.trainRows} rows with scaling ${model.inputScaling}, target scaling ${model.targetScaling}; " +
                "now ${data.train.size} rows with ${data.inputScaling}, ${data.targetScaler}): a resumed run must see the same data, so restore it or start a new run"
        }
        model.parameters.copyInto(network.parameters())
        layerState.copyInto(network.state())
        model.optimizer?.let { optimizer.restoreState(it.toState()) }
        checkpoint.schedule?.let { schedule.restoreState(it) }
        shuffleRandom.restore(checkpoint.shuffleRandom.toSnapshot())
        dropoutRandom.restore(checkpoint.dropoutRandom.toSnapshot())
        checkpoint.augmentRandom?.let { augmentRandom.restore(it.toSnapshot()) }
        earlyStopping?.restore(
            checkpoint.earlyStopping ?: throw IllegalArgumentException(
                "the checkpoint has no early-stopping state but the spec stops early: the checkpoint is damaged",
            ),
        )
        history += model.history
        divergenceBaseline = checkpoint.divergenceBaseline
        divergenceBaseline?.let { divergenceGuard?.start(it) }
        divergedBeforeResume = divergenceGuard?.replay(history)
        completedEpochs = checkpoint.epoch
    }

    /** Runs the epochs with [TrainingSpec.threads] kernel threads (the results do not depend on how many). */
    suspend fun run(events: FlowCollector<TrainingEvent>) {
        val threads = KernelThreads.start(training.threads)
        try {
            network.useThreads(threads)
            optimizer.useThreads(network.layout().shares(threads))
            batches.threads = threads
            cluster = spec.cluster?.let { ClusterTraining.open(it, it.strategyFor(training), handedEngine, network, trainRows, encoding) }
            runEpochs(events)
        } finally {
            try {
                cluster?.close()
            } finally {
                cluster = null
                network.useThreads(KernelThreads.single())
                optimizer.useThreads(null)
                batches.threads = KernelThreads.single()
                threads.close()
            }
        }
    }

    private suspend fun runEpochs(events: FlowCollector<TrainingEvent>) {
        if (!resumed) recorder?.started(spec)
        if (!resumed && divergenceGuard != null) divergenceBaseline = untrainedLoss().also { divergenceGuard.start(it) }
        var reason: StopReason = StopReason.Completed
        // A checkpoint written in the epoch that stopped early: that run was over, so this one is too.
        val alreadyStopped = divergedBeforeResume
            ?: earlyStopping?.takeIf { resumed && it.isExhausted }?.let { StopReason.EarlyStopped(completedEpochs, it.bestEpoch) }
        if (alreadyStopped != null) reason = alreadyStopped
        val firstEpoch = if (alreadyStopped != null) training.epochs + 1 else completedEpochs + 1
        val distributed = cluster
        if (fullBatch) {
            reason = runIterations(events)
        } else if (distributed != null && firstEpoch <= training.epochs) {
            reason = runRounds(distributed, firstEpoch, events) ?: reason
        } else {
            for (epoch in firstEpoch..training.epochs) {
                val started = System.nanoTime()
                val rate = schedule.rate(training.optimizer.lr(), epoch - 1)
                val stop = trainBatches(epoch, rate) ?: endEpoch(epoch, rate, started, events) { epochMetrics.writeTo(it) }
                if (stop != null) {
                    reason = stop
                    break
                }
            }
        }
        val result = finish(reason)
        recorder?.finished(result)
        events.emit(TrainingEvent.Stopped(reason, result))
    }

    /**
     * The training loss of the network as initialised, in inference mode (no dropout: no random numbers are
     * drawn, so the run's streams are as without the guard): one forward pass over the training rows, in
     * chunks no larger than a training batch, so a cancellation lands as promptly as during training.
     */
    private suspend fun untrainedLoss(): Double {
        val metrics = LinkedHashMap<String, Double>()
        val chunk = (training.batchSize as? BatchSizeSpec.Rows)?.rows?.coerceIn(1, EVALUATION_CHUNK) ?: EVALUATION_CHUNK
        DatasetEvaluator(MetricNames.TRAIN, data.train, encoding, chunk, metricRegistry, data.targetScaler).evaluate(network, metrics)
        return metrics.getValue(MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS))
    }

    /** One pass over the mini-batches (shuffled unless `training.shuffle` is false); the reason to stop inside the epoch, or null when it completed. */
    private suspend fun trainBatches(epoch: Int, rate: Double): StopReason? {
        val parameters = network.parameters()
        val gradients = network.gradients()
        epochMetrics.reset(data.train.size)
        val cursor = batches.epoch()
        progress.epochStarted(epoch, batches.batchesPerEpoch)
        while (cursor.next()) {
            currentCoroutineContext().ensureActive()
            if (stopSignal?.isStopRequested == true) return StopReason.Cancelled
            val rowWeights = cursor.weights
            val loss = if (rowWeights == null) {
                network.computeGradient(cursor.x, cursor.y, reduction)
            } else {
                network.computeGradient(cursor.x, cursor.y, rowWeights, reduction, weights.normalization, true)
            }
            if (!loss.isFinite()) {
                return NonFiniteDiagnosis.of(
                    network, loss, epoch, cursor.batchIndex + 1, batches.batchesPerEpoch, rate, training.optimizer, training.reduction,
                )
            }
            // A weighted run reports the unweighted loss per row, as for the validation and test parts.
            if (rowWeights == null) {
                epochMetrics.add(loss, reduction, network.lastOutput(), cursor.y)
            } else {
                epochMetrics.add(network.lossSumOfLastForward(cursor.y), Reduction.SUM, network.lastOutput(), cursor.y)
            }
            if (perSampleDecay > 0) epochMetrics.addPenalty(0.5 * perSampleDecay * squaredWeights(parameters))
            val rows = cursor.x.rowDimension
            if (rowWeights != null && weights.normalization == WeightNormalization.SUM_OF_WEIGHTS) {
                // The gradient is Σ w_i g_i / Σ w_i: a per-sample decay divides by the same Σ w_i (scikit-learn ≥ 1.7).
                var sum = 0.0
                for (r in 0 until rows) sum += rowWeights[r]
                optimizer.stepWeighted(parameters, gradients, rate, sum)
            } else {
                optimizer.step(parameters, gradients, rate, rows)
            }
            progress.batchDone(epoch, cursor.batchIndex + 1)
        }
        return null
    }

    /** ‖W‖²: the sum of the squared weights (not biases) the weight decay acts on. */
    private fun squaredWeights(parameters: DoubleArray): Double {
        var sum = 0.0
        for (i in parameters.indices) if (weightMask[i]) sum += parameters[i] * parameters[i]
        return sum
    }

    /**
     * A full-batch run (L-BFGS): one epoch per iteration, at most `epochs` of them (its maxIter), on the mean loss over
     * every training row in inference mode (deterministic: SpecValidation refuses dropout), plus the optimiser's L2
     * penalty on the weights. After each iteration the parameters go into the network, and the epoch ends as any
     * other (train metrics of the whole training part, validation, early stopping, hooks, event, divergence guard);
     * the history's rate is the step length the line search accepted. Cancellation is checked between iterations.
     */
    private suspend fun runIterations(events: FlowCollector<TrainingEvent>): StopReason {
        val objective = cluster?.objective(weights.normalization) ?: localObjective()
        val run = training.optimizer.startFullBatch(objective, network.parameters().copyOf(), training.epochs, network.layout().weightMask())
        val trainPart = DatasetEvaluator(MetricNames.TRAIN, data.train, encoding, EVALUATION_CHUNK, metricRegistry)
        while (!run.stopped()) {
            currentCoroutineContext().ensureActive()
            if (stopSignal?.isStopRequested == true) return StopReason.Cancelled
            val started = System.nanoTime()
            if (!run.iterate()) break
            run.parameters().copyInto(network.parameters())
            val stop = endEpoch(run.iterations(), run.step(), started, events) { trainPart.evaluate(network, it) }
            if (stop != null) return stop
        }
        return StopReason.SolverStopped(run.stopReason(), run.stopWords(), run.converged(), run.iterations(), run.evaluations(), run.loss())
    }

    /** The full-batch objective over the training rows held here. */
    private fun localObjective(): Objective {
        val rows = MiniBatches(trainRows, BatchSize.Full, RowOrder.AsGiven, encoding).epoch()
        check(rows.next()) { "no training rows" }
        val rowWeights = rows.weights
        return if (rowWeights == null) {
            network.objective(rows.x, rows.y, false)
        } else {
            network.objective(rows.x, rows.y, rowWeights.copyOf(rows.size), weights.normalization, false)
        }
    }

    /**
     * The epochs of a distributed mini-batch or full-batch gradient-descent run, one round each: under strategy sync the
     * round is one evaluation of the full-batch objective on the cluster, then the optimiser's step here (as a local
     * full batch steps); under averaging, one [Averaging] round of local training on every partition at the schedule's
     * rate. The epoch's `train_loss` is the round's mean loss (sync: before the step, as a local full batch reports it;
     * averaging: the partitions' batch losses); the other training metrics are evaluated on the training rows here at
     * the parameters after the round. The reason to stop, or null when every epoch ran.
     */
    private suspend fun runRounds(distributed: ClusterTraining, firstEpoch: Int, events: FlowCollector<TrainingEvent>): StopReason? {
        val trainPart = DatasetEvaluator(MetricNames.TRAIN, data.train, encoding, EVALUATION_CHUNK, metricRegistry, data.targetScaler)
        val trainLoss = MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS)
        val round = if (distributed.strategy == ClusterStrategy.AVERAGING) {
            EngineRound.averaging(network, optimizer, distributed.averaging(averagingPlan(distributed.cluster)))
        } else {
            EngineRound.sync(network, optimizer, distributed.objective(weights.normalization), reduction, weights.normalization, distributed.weightSum != null)
        }
        round.use {
            for (epoch in firstEpoch..training.epochs) {
                currentCoroutineContext().ensureActive()
                if (stopSignal?.isStopRequested == true) return StopReason.Cancelled
                val started = System.nanoTime()
                val rate = schedule.rate(training.optimizer.lr(), epoch - 1)
                val loss = round.run(rate)
                if (!loss.isFinite()) {
                    return NonFiniteDiagnosis.of(network, loss, epoch, 1, 1, rate, training.optimizer, training.reduction)
                }
                val stop = endEpoch(epoch, rate, started, events) { metrics ->
                    trainPart.evaluate(network, metrics)
                    metrics[trainLoss] = loss
                }
                if (stop != null) return stop
            }
            return null
        }
    }

    /** How every partition trains in an averaging round: as the local loop would (optimiser, batch, shuffle, reduction, weights) from the run's streams. */
    private fun averagingPlan(cluster: ClusterSpec): AveragingPlan {
        val rows = (training.batchSize as BatchSizeSpec.Rows).rows
        val shuffled = training.shuffle && rows < data.train.size
        return AveragingPlan(
            training.optimizer.notation(), rows, cluster.localSteps, shuffled, reduction, weights.normalization,
            cluster.optimizerState, streams.shuffleSeed, streams.dropoutSeed,
        )
    }

    /**
     * Metrics, history, early stopping, checkpoint, hooks, the event and the divergence guard of a completed
     * epoch; the reason to stop after it (a divergence before early stopping), or null to go on.
     */
    private suspend fun endEpoch(
        epoch: Int,
        rate: Double,
        startedNanos: Long,
        events: FlowCollector<TrainingEvent>,
        trainMetrics: suspend (MutableMap<String, Double>) -> Unit,
    ): StopReason? {
        val metrics = LinkedHashMap<String, Double>()
        trainMetrics(metrics)
        validation?.evaluate(network, metrics)
        schedule.epochEnded(epoch - 1, metrics)
        val durationMillis = (System.nanoTime() - startedNanos) / 1_000_000
        history += HistoryRow(epoch, rate, durationMillis, metrics)
        completedEpochs = epoch
        val stopEarly = earlyStopping?.update(epoch, metrics, network.parameters(), network.state()) ?: false
        if (checkpointEvery != null && epoch % checkpointEvery == 0) recorder!!.checkpoint(checkpoint())
        val trainLoss = metrics.getValue(MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS))
        for (hook in hooks) hook.onEpochEnd(EpochReport(epoch, trainLoss, metrics))
        events.emit(TrainingEvent.EpochEnd(epoch, trainLoss, metrics, rate, durationMillis))
        return divergenceGuard?.update(epoch, trainLoss)
            ?: if (stopEarly) {
                StopReason.EarlyStopped(epoch, earlyStopping!!.bestEpoch)
            } else if (schedule.ended()) {
                StopReason.EarlyStopped(epoch, earlyStopping?.bestEpoch ?: epoch)
            } else {
                null
            }
    }

    /** Restores the best weights (with restoreBest), evaluates every part in inference mode and builds the model. */
    private suspend fun finish(reason: StopReason): TrainingResult {
        val restored = earlyStopping?.restoreBest(network.parameters(), network.state())
        val metrics = LinkedHashMap<String, Double>()
        val reports = LinkedHashMap<String, String>()
        val parts = listOfNotNull(
            DatasetEvaluator(MetricNames.TRAIN, data.train, encoding, EVALUATION_CHUNK, metricRegistry, data.targetScaler),
            validation,
            data.test?.let { DatasetEvaluator(MetricNames.TEST, it, encoding, EVALUATION_CHUNK, metricRegistry, data.targetScaler) },
        )
        for (part in parts) {
            part.evaluate(network, metrics)
            part.report()?.let { reports[part.part] = it }
        }
        // A run that diverged writes a model marked as such, so that it never loads silently.
        val file = modelFile(diverged = reason.divergence)
        // The trained network itself becomes the model: the run builds its network once.
        return TrainingResult(reason, completedEpochs, restored, history.toList(), metrics, reports, Model.ofTrained(file, network), earlyStopping?.state(),
            weights.takeIf { it.weighted }, cluster?.description)
    }

    private fun modelFile(diverged: String? = null): ModelFile = ModelFile(
        diverged = diverged,
        notation = notation,
        inputSize = data.inputSize,
        loss = training.loss,
        targetEncoding = encoding,
        parameters = network.parameters().copyOf(),
        state = network.state().takeIf { it.isNotEmpty() }?.copyOf(),
        inputScaling = data.inputScaling,
        targetScaling = data.targetScaler,
        classNames = data.classNames,
        featureNames = data.featureNames,
        targetNames = data.targetNames,
        optimizer = OptimizerStateFile.of(optimizer.exportState()),
        history = history.toList(),
        spec = spec,
        pipeline = data.pipeline,
    )

    private fun checkpoint(): TrainingCheckpoint = TrainingCheckpoint(
        epoch = completedEpochs,
        trainRows = data.train.size,
        model = modelFile(),
        shuffleRandom = RngState.of(shuffleRandom.snapshot()),
        dropoutRandom = RngState.of(dropoutRandom.snapshot()),
        augmentRandom = spec.data.augment?.let { RngState.of(augmentRandom.snapshot()) },
        earlyStopping = earlyStopping?.state(),
        schedule = schedule.exportState().takeIf { it.isNotEmpty() },
        divergenceBaseline = divergenceBaseline,
    )

    private companion object {
        const val EVALUATION_CHUNK = DatasetEvaluator.CHUNK_ROWS
    }
}
