package mlpkit.dsl.train

import mlpkit.core.distributed.DataParallel
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.flowOn
import kotlinx.coroutines.runBlocking
import mlpkit.core.limits.MachineLimits
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.SpecValidation
import mlpkit.dsl.spec.ExperimentSpec
import java.util.function.Consumer

/**
 * Trains an [experiment]: its spec (data, network, training, callbacks) and its Kotlin hooks.
 *
 * - [events] is a cold flow: each collection is a fresh, complete run, computed on
 *   [Dispatchers.Default]; the same seed gives bit-identical runs. Cancelling the collector stops the
 *   run between two batches (within one batch's time).
 * - [train] collects it and returns the [TrainingResult]; [fit] does the same blocking, for Java.
 *
 * [recorder] keeps the run's record (a `mlpkit.dsl.run.RunDirectory`; needed for checkpoints),
 * [resolver] finds the data (paths relative to its base directory), [stopSignal] asks for a polite stop.
 * A run continued from a checkpoint comes from `RunDirectory.resume`.
 *
 * ```
 * val run = TrainingRun(experiment, RunDirectory.create(Path.of("runs"), experiment.spec.name))
 * run.events().collect { event -> println(event) }
 * ```
 */
class TrainingRun private constructor(
    val experiment: Experiment,
    private val recorder: RunRecorder?,
    private val resolver: DataResolver,
    private val stopSignal: StopSignal?,
    private val resumeFrom: TrainingCheckpoint?,
    private val data: ResolvedData?,
    private val start: TrainingStart?,
    private val engine: DataParallel? = null,
    /** The data frame of a `fitDistributed` run (source format `frame`), or null. */
    private val frame: Any? = null,
) {
    /**
     * A run of [experiment]. [data], when given, is the experiment's data already resolved (by a caller that
     * checked it against the spec first), so a run loads its data once; it must come from the same spec and seed.
     * [start], when given, replaces the network's initial parameters (and optimiser state).
     */
    @JvmOverloads
    constructor(
        experiment: Experiment,
        recorder: RunRecorder? = null,
        resolver: DataResolver = DataResolver(),
        stopSignal: StopSignal? = null,
        data: ResolvedData? = null,
        start: TrainingStart? = null,
    ) : this(experiment, recorder, resolver, stopSignal, null, data, start)

    init {
        val training = experiment.spec.training
        require(training.epochs >= 1) { "training needs at least 1 epoch, got epochs = ${training.epochs}" }
        require(training.threads >= 1) { "training needs at least 1 thread, got threads = ${training.threads}" }
        MachineLimits.ofThisMachine().threadsProblem(training.threads)?.let { throw IllegalArgumentException("training.threads: $it") }
        val callbacks = training.callbacks
        require(callbacks.count { it is CallbackSpec.EarlyStopping } <= 1) {
            "at most one earlyStopping callback per run, got ${callbacks.count { it is CallbackSpec.EarlyStopping }}: keep the one to use"
        }
        val checkpoints = callbacks.filterIsInstance<CallbackSpec.Checkpoint>()
        require(checkpoints.size <= 1) { "at most one checkpoint callback per run, got ${checkpoints.size}" }
        checkpoints.firstOrNull()?.let { checkpoint ->
            require(checkpoint.every >= 1) { "checkpoint(every = ${checkpoint.every}): checkpoints are written every 1 or more epochs" }
            requireNotNull(recorder) {
                "checkpoint(every = ${checkpoint.every}) needs a run directory to write to: " +
                    "run with TrainingRun(experiment, RunDirectory.create(…)), or remove the checkpoint callback"
            }
        }
    }

    /**
     * Where the run is inside its epoch (epoch, batches done, batches per epoch), for a display that polls it
     * a few times a second; updated by the training loop once per batch while [events] is collected.
     */
    val progress: TrainingProgress = TrainingProgress()

    /** The run as a cold flow of [TrainingEvent]s: one `EpochEnd` per epoch, then one `Stopped` with the result. */
    fun events(): Flow<TrainingEvent> = flow {
        if (experiment.spec.data.source is DataSource.Spark) {
            require(resumeFrom == null && start == null && data == null) {
                "a run of data read by an engine (data.source type spark) starts afresh: it cannot resume, start from given parameters or take resolved data"
            }
            if (engine == null) ConfigException.throwFirstOf(SpecValidation.runProblems(experiment.spec, experiment.spec.name))
            LoadedRowsSession(experiment.spec, experiment.hooks, experiment.registry, recorder, stopSignal, engine, frame).run(this)
            return@flow
        }
        TrainingSession(experiment.spec, experiment.hooks, experiment.registry, resolver, data, recorder, stopSignal, resumeFrom, start, engine, progress).run(this)
    }
        .flowOn(Dispatchers.Default)
        // No events queue up ahead of the collector: when it sees epoch n end, training is at most one epoch further.
        .buffer(Channel.RENDEZVOUS)

    /** Runs to the end, passing every event to [onEvent] (on the collector's context), and returns the result. */
    suspend fun train(onEvent: suspend (TrainingEvent) -> Unit = {}): TrainingResult {
        var result: TrainingResult? = null
        events().collect { event ->
            onEvent(event)
            if (event is TrainingEvent.Stopped) result = event.result
        }
        return checkNotNull(result) { "the training flow ended without a Stopped event" }
    }

    /** Blocking [train] for Java callers (do not call from a coroutine). */
    fun fit(): TrainingResult = runBlocking { train() }

    /** Blocking [train] for Java callers, passing each event to [listener]. */
    fun fit(listener: Consumer<TrainingEvent>): TrainingResult = runBlocking { train { listener.accept(it) } }

    /**
     * This run, starting from [parameters] (core's flat layout: per layer W row by row, inputs × units, then b)
     * instead of the network's initialisers: a warm start, e.g. from another library's initial weights. The
     * run's streams are as without it (the initialisers still draw), so only the starting point differs.
     */
    fun startingFrom(parameters: DoubleArray): TrainingRun {
        require(resumeFrom == null) { "a resumed run continues from its checkpoint's parameters: start a new run to start from others" }
        return TrainingRun(experiment, recorder, resolver, stopSignal, null, data, TrainingStart(parameters.copyOf()), engine)
    }

    /**
     * This run, training its experiment's `cluster` block on [engine] instead of connecting to the block's own: the
     * caller keeps the engine open (and closes it); the run releases only the rows it sent. Without a cluster block
     * the engine is not used.
     */
    fun on(engine: DataParallel): TrainingRun = TrainingRun(experiment, recorder, resolver, stopSignal, resumeFrom, data, start, engine, frame)

    /** This run on [engine] (kept open by the caller), reading the rows of a `frame` source from [frame] (a Spark `Dataset<Row>`). */
    internal fun on(engine: DataParallel, frame: Any): TrainingRun = TrainingRun(experiment, recorder, resolver, stopSignal, resumeFrom, data, start, engine, frame)

    override fun toString(): String = "TrainingRun(${experiment.spec.name}${resumeFrom?.let { ", resumed after epoch ${it.epoch}" } ?: ""})"

    companion object {
        /** A run of [spec] without hooks, record or stop signal. */
        @JvmStatic
        fun of(spec: ExperimentSpec): TrainingRun = TrainingRun(Experiment(spec))

        /** A run that continues from [checkpoint] (see `RunDirectory.resume`). */
        internal fun resuming(
            checkpoint: TrainingCheckpoint,
            hooks: List<EpochHook>,
            registry: mlpkit.core.concept.Registry,
            recorder: RunRecorder,
            resolver: DataResolver,
            stopSignal: StopSignal?,
        ): TrainingRun = TrainingRun(Experiment(checkpoint.model.spec, hooks, registry), recorder, resolver, stopSignal, checkpoint, null, null)
    }
}
