package mlpkit.dsl.sweep

import mlpkit.core.concept.Registry
import java.nio.file.Path
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit
import kotlinx.serialization.json.JsonObject
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.config.JsonMergePatch
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.run.RunDirectory
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.train.TrainingRun

/**
 * Runs the variations of an experiment's sweep side by side, at most `sweep.parallelism` at once. Each
 * variation is the base experiment (without its sweep) with the variation's merge patch applied, and
 * is an independent, fully seeded run: the rows do not depend on the parallelism or on the order in
 * which runs finish. With a [root], each variation records into its own run directory below it.
 */
class SweepRunner @JvmOverloads constructor(
    private val resolver: DataResolver = DataResolver(),
    private val root: Path? = null,
    private val hooks: List<EpochHook> = emptyList(),
    private val registry: Registry = Registry.builtIns(),
) {
    /** The variations' experiments in sweep order, named `<base>-<variation>`. */
    fun variants(spec: ExperimentSpec): List<Pair<String, ExperimentSpec>> {
        val sweep = requireNotNull(spec.sweep) { "experiment '${spec.name}' has no sweep" }
        val format = SpecJson.format(registry)
        val base = format.encodeToJsonElement(ExperimentSpec.serializer(), spec.copy(sweep = null))
        return sweep.variations.map { variation ->
            val patched = JsonMergePatch.apply(base, variation.patch) as JsonObject
            val variant = format.decodeFromJsonElement(ExperimentSpec.serializer(), patched)
            variation.name to variant.copy(name = "${spec.name}-${variation.name}")
        }
    }

    /** Runs every variation; [onRow] is called as each finishes (in completion order); returns rows in sweep order. */
    suspend fun run(spec: ExperimentSpec, onRow: suspend (SweepRow) -> Unit = {}): List<SweepRow> = coroutineScope {
        val permits = Semaphore(requireNotNull(spec.sweep).parallelism)
        variants(spec).map { (name, variant) ->
            async(Dispatchers.Default) {
                permits.withPermit {
                    val directory = root?.let { RunDirectory.create(it, variant.name) }
                    val result = TrainingRun(Experiment(variant, hooks, registry), directory, resolver).train()
                    SweepRow(name, variant.network.notation(), result.reason, result.metrics).also { onRow(it) }
                }
            }
        }.awaitAll()
    }
}
