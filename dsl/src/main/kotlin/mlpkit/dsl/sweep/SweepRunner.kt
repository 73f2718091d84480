package mlpkit.dsl.sweep

import mlpkit.core.concept.Registry
import java.nio.file.Path
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import mlpkit.core.distributed.DataParallel
import mlpkit.core.distributed.DataParallelProvider
import mlpkit.dsl.spec.ClusterSpec
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.sync.Semaphore
import kotlinx.serialization.json.JsonObject
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.config.JsonMergePatch
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.run.RunDirectory
import mlpkit.dsl.run.RunMetrics
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.train.StopSignal
import mlpkit.dsl.train.TrainingRun
import mlpkit.dsl.model.ModelFileException
import java.io.IOException
import java.io.UncheckedIOException
import kotlin.coroutines.cancellation.CancellationException

/**
 * Runs the variations of an experiment's sweep side by side, at most `sweep.parallelism` at once. Each
 * variation is the base experiment (without its sweep) with the variation's merge patch applied, and
 * is an independent, fully seeded run: the rows do not depend on the parallelism or on the order in
 * which runs finish. With a [root], each variation records into its own run directory below it.
 * A sweep fails soft: one variation's failure or divergence is recorded in its row and does not stop
 * the others.
 */
class SweepRunner @JvmOverloads constructor(
    private val resolver: DataResolver = DataResolver(),
    private val root: Path? = null,
    private val hooks: List<EpochHook> = emptyList(),
    private val registry: Registry = Registry.builtIns(),
    /** The engine a sweep with a cluster block runs its variations on (kept open for its owner); null connects to the block's own. */
    private val engine: DataParallel? = null,
) {
    /** The variations' experiments in sweep order, named `<base>-<variation>`. */
    fun variants(spec: ExperimentSpec): List<Pair<String, ExperimentSpec>> {
        val sweep = requireNotNull(spec.sweep) { "experiment '${spec.name}' has no sweep" }
        val format = SpecJson.format(registry)
        val base = format.encodeToJsonElement(ExperimentSpec.serializer(), spec.copy(sweep = null))
        return SweepGrid.variations(sweep, spec.training.seed).map { variation ->
            val patched = JsonMergePatch.apply(base, variation.patch) as JsonObject
            val variant = format.decodeFromJsonElement(ExperimentSpec.serializer(), patched)
            variation.name to variant.copy(name = "${spec.name}-${variation.name}")
        }
    }

    /**
     * Runs every variation; [onRow] is called as each finishes (in completion order); returns rows in sweep
     * order. A variation that fails (its data cannot be read, its training throws) or diverges is recorded
     * as such ([SweepStatus]) and the others go on. When [stopSignal] asks for a stop, the running
     * variations end after their current batch ([SweepStatus.INTERRUPTED]) and the waiting ones are not
     * started ([SweepStatus.NOT_RUN]); [onRow] is called for those too. A sweep with `"cv": k` cross-validates every
     * variation on the same k folds ([SweepCrossValidation]) and records no run directories for them.
     */
    suspend fun run(spec: ExperimentSpec, stopSignal: StopSignal? = null, onRow: suspend (SweepRow) -> Unit = {}): List<SweepRow> =
        if (spec.cluster != null) runRemotely(spec, spec.cluster, stopSignal, onRow) else coroutineScope {
            val permits = Semaphore(requireNotNull(spec.sweep).parallelism)
            val folds = spec.sweep.cv
            // Permits are taken here, in sweep order, before each variation is launched: the first `parallelism`
            // variations start first, and a stop leaves the later ones not run (coroutines racing for the permits
            // started them in any order).
            variants(spec).map { (name, variant) ->
                permits.acquire()
                async(Dispatchers.Default) {
                    val row = try {
                        if (folds == null) runVariation(name, variant, stopSignal) else crossValidate(name, variant, folds, spec.training.seed, stopSignal)
                    } finally {
                        permits.release()
                    }
                    onRow(row)
                    row
                }
            }.awaitAll()
        }

    /**
     * A sweep with a cluster block: every variation is one [VariationTask] on the engine (the variations train locally
     * inside their tasks, without the cluster block), all at once as the engine schedules them; rows in sweep order,
     * without run directories. A stop requested before the tasks start runs none of them.
     */
    private suspend fun runRemotely(spec: ExperimentSpec, cluster: ClusterSpec, stopSignal: StopSignal?, onRow: suspend (SweepRow) -> Unit): List<SweepRow> {
        require(spec.sweep?.cv == null) {
            "experiment '${spec.name}': a sweep with \"cv\" runs here, not on a cluster: remove the cluster block, or \"cv\" from the sweep"
        }
        val variants = variants(spec)
        if (stopSignal?.isStopRequested == true) {
            return variants.map { (name, variant) ->
                SweepRow(name, variant.network.notation(), null, emptyMap(), SweepStatus.NOT_RUN, "not run: the sweep was stopped before this variation started")
                    .also { onRow(it) }
            }
        }
        val inputs = variants.map { (name, variant) -> VariationTask.input(name, variant, resolver.baseDirectory) }
        val outputs = withContext(Dispatchers.IO) {
            val connected = engine ?: DataParallelProvider.named(cluster.engine).connect(cluster.master, cluster.conf)
            try {
                connected.runTasks(VariationTask::class.java, inputs)
            } finally {
                if (engine == null) connected.close()
            }
        }
        return outputs.map { VariationTask.row(it).also { row -> onRow(row) } }
    }

    /** One variation's row of a sweep with `cv`: its cross-validation's means and stds, or what kept it from running. */
    private suspend fun crossValidate(name: String, variant: ExperimentSpec, folds: Int, baseSeed: Long, stopSignal: StopSignal?): SweepRow {
        val notation = variant.network.notation()
        if (stopSignal?.isStopRequested == true) {
            return SweepRow(name, notation, null, emptyMap(), SweepStatus.NOT_RUN, "not run: the sweep was stopped before this variation started")
        }
        return try {
            SweepCrossValidation.row(name, variant, folds, baseSeed, resolver, hooks, registry, stopSignal)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            SweepRow(name, notation, null, emptyMap(), SweepStatus.FAILED, failure(e))
        } catch (e: OutOfMemoryError) {
            SweepRow(name, notation, null, emptyMap(), SweepStatus.FAILED, failure(e))
        }
    }

    /** One variation's row: its run's outcome, or what kept it from running. */
    internal suspend fun runVariation(name: String, variant: ExperimentSpec, stopSignal: StopSignal?): SweepRow {
        val notation = variant.network.notation()
        if (stopSignal?.isStopRequested == true) {
            return SweepRow(name, notation, null, emptyMap(), SweepStatus.NOT_RUN, "not run: the sweep was stopped before this variation started")
        }
        var directory: RunDirectory? = null
        return try {
            directory = root?.let { RunDirectory.create(it, variant.name) }
            val result = TrainingRun(Experiment(variant, hooks, registry), directory, resolver, stopSignal).train()
            val status = SweepStatus.of(result.reason)
            val message = result.reason.divergence
                ?: if (status == SweepStatus.INTERRUPTED) "stopped on request after epoch ${result.epochs}" else null
            SweepRow(name, notation, result.reason, result.metrics, status, message, directory?.path, RunMetrics.of(result).stopReason)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            SweepRow(name, notation, null, emptyMap(), SweepStatus.FAILED, failure(e), directory?.path)
        } catch (e: OutOfMemoryError) {
            SweepRow(name, notation, null, emptyMap(), SweepStatus.FAILED, failure(e), directory?.path)
        }
    }

    private companion object {
        /**
         * What went wrong, on one line: the message of what bad input throws (it names the file, path or
         * parameter), or, for anything else, that it is an error in mlpkit with its kind and message.
         */
        fun failure(e: Throwable): String {
            val message = when (e) {
                is IllegalArgumentException, is IOException, is ModelFileException -> e.message ?: e.javaClass.simpleName
                is UncheckedIOException -> e.cause?.message ?: e.message ?: e.javaClass.simpleName
                is OutOfMemoryError -> "ran out of memory (${e.message}): lower the sweep's parallelism or the network's size"
                else -> "internal error (${e.javaClass.simpleName}: ${e.message}): please report it"
            }
            return message.lines().map { it.trim() }.filter { it.isNotEmpty() }.joinToString("; ")
        }
    }
}
