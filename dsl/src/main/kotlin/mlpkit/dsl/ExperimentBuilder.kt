package mlpkit.dsl

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.SpecValidation
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.Expectation
import mlpkit.core.network.NetworkSpec
import mlpkit.dsl.spec.SpecConcepts
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.SweepSpec
import mlpkit.dsl.spec.TrainingSpec
import mlpkit.dsl.spec.ValidationSpec
import mlpkit.dsl.spec.Variation

/**
 * ```
 * experiment("moons") {
 *     data { moons(samples = 100, noise = 0.1, randomState = 0) }
 *     network { dense(10, relu); dense(2, softmax) }
 *     training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 300; batchSize = full }
 *     expect { trainAccuracy atLeast 0.97 }
 * }
 * ```
 */
@MlpDsl
class ExperimentBuilder internal constructor(private var name: String, base: ExperimentSpec?) {
    private var data: DataSpec? = base?.data
    /** The last data { } block, which knows how the script named its generator's parameters. */
    private var dataBuilder: DataBuilder? = null
    private var network: NetworkSpec? = base?.network
    private var training: TrainingSpec = base?.training ?: TrainingSpec()
    private var expectations: List<Expectation> = base?.expect ?: emptyList()
    private var sweep: SweepSpec? = null
    private var validation: ValidationSpec? = base?.validation
    private var cluster: ClusterSpec? = base?.cluster
    private val sweepConcepts = mutableListOf<mlpkit.core.concept.Concept<*>>()
    private val hooks = mutableListOf<EpochHook>()

    fun data(block: DataBuilder.() -> Unit) {
        val builder = DataBuilder(data).apply(block)
        data = builder.build()
        dataBuilder = builder
    }

    fun network(block: NetworkBuilder.() -> Unit) {
        network = NetworkBuilder().apply(block).build()
    }

    /** The network as a notation string: `network("network < dense(10, relu); dense(2, softmax) >")`. */
    fun network(notation: String) {
        network = NetworkSpec.parse(notation)
    }

    fun training(block: TrainingBuilder.() -> Unit) {
        training = TrainingBuilder(training).apply(block).build()
    }

    fun expect(block: ExpectBuilder.() -> Unit) {
        expectations = ExpectBuilder(expectations).apply(block).build()
    }

    /** Code run after every epoch (Kotlin only; not part of the JSON form). */
    fun onEpochEnd(hook: EpochHook) {
        hooks += hook
    }

    /** Variations of this experiment run side by side: `sweep { for (h in 1..30) variant("h=$h") { network { … } } }`. */
    fun sweep(parallelism: Int = 2, block: SweepBuilder.() -> Unit) {
        val base = buildSpec()
        val builder = SweepBuilder(base).apply(block)
        sweep = SweepSpec(builder.variations(), parallelism)
        sweepConcepts += builder.concepts()
    }

    /**
     * Cross-validates the experiment in [folds] folds (see [ValidationSpec]): `cv(5)`, `cv(5, repeats = 3, randomState = 0)`.
     * [stratify] null keeps class proportions for class targets; [randomState] null draws the folds from the run's seed.
     */
    fun cv(
        folds: Int,
        repeats: Int = 1,
        stratify: Boolean? = null,
        randomState: Long? = null,
        parallelism: Int = ValidationSpec.DEFAULT_PARALLELISM,
    ) {
        validation = ValidationSpec(folds, repeats, stratify, randomState, parallelism)
    }

    /** Trains on a cluster (see [ClusterBuilder]): `cluster { master = "local[2]"; strategy = averaging; partitions = 2 }`. */
    fun cluster(block: ClusterBuilder.() -> Unit) {
        cluster = ClusterBuilder(cluster).apply(block).build(name)
    }

    internal fun buildSpec(): ExperimentSpec = ExperimentSpec(
        name,
        data ?: throw IllegalStateException("experiment '$name' needs a data { } block"),
        network ?: throw IllegalStateException("experiment '$name' needs a network { } block"),
        training,
        expectations,
        sweep,
        validation = validation,
        cluster = cluster,
    )

    /** The experiment, checked as a JSON file would be (the same messages, with the experiment's name as the source). */
    internal fun build(): Experiment {
        val spec = buildSpec()
        val registry = SpecConcepts.registryOf(spec).let { r -> r.with(*sweepConcepts.filterNot(r::contains).distinct().toTypedArray()) }
        ConfigException.throwFirstOf(SpecValidation.validate(spec, name, registry).map(::inScriptWords))
        return Experiment(spec, hooks.toList(), registry)
    }

    /** A problem of a generator parameter, with the name the script gave it: `…; in the script: moons(samples = …)`. */
    private fun inScriptWords(problem: ConfigException): ConfigException {
        val prefix = "$.data.source.params."
        if (!problem.jsonPath.startsWith(prefix)) return problem
        val words = dataBuilder?.scriptWords(problem.jsonPath.removePrefix(prefix)) ?: return problem
        return ConfigException(problem.file, problem.jsonPath, "${problem.problem}; in the script: $words")
    }
}

/** Collects the variations of a sweep, each written as changes to the base experiment. */
@MlpDsl
class SweepBuilder internal constructor(private val base: ExperimentSpec) {
    private val variations = mutableListOf<Variation>()
    private val concepts = mutableListOf<mlpkit.core.concept.Concept<*>>()

    /** A variation named [name]: [block] changes a copy of the base experiment. */
    fun variant(name: String, block: ExperimentBuilder.() -> Unit) {
        val changed = ExperimentBuilder(base.name, base).apply(block).buildSpec()
        concepts += SpecConcepts.valuesOf(changed).map { it.concept() }
        variations += Variation(name, mergePatch(toJson(base), toJson(changed)))
    }

    internal fun variations(): List<Variation> = variations.toList()

    /** The concepts the variations use (a user's own among them). */
    internal fun concepts(): List<mlpkit.core.concept.Concept<*>> = concepts.toList()

    private fun toJson(spec: ExperimentSpec): JsonObject =
        SpecJson.format(SpecConcepts.registryOf(spec)).encodeToJsonElement(ExperimentSpec.serializer(), spec) as JsonObject
}

/** The RFC 7386 merge patch that turns [from] into [to]: changed members, nested objects as patches, removals as null. */
internal fun mergePatch(from: JsonObject, to: JsonObject): JsonObject {
    val patch = LinkedHashMap<String, JsonElement>()
    for ((key, value) in to) {
        val old = from[key]
        if (old == value) continue
        patch[key] = if (old is JsonObject && value is JsonObject) mergePatch(old, value) else value
    }
    for (key in from.keys) if (key !in to) patch[key] = JsonNull
    return JsonObject(patch)
}

/** Builds an experiment with the DSL. */
fun experiment(name: String, block: ExperimentBuilder.() -> Unit): Experiment = ExperimentBuilder(name, null).apply(block).build()
