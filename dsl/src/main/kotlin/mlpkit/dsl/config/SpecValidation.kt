package mlpkit.dsl.config

import mlpkit.core.concept.Registry
import mlpkit.core.limits.MachineLimits
import mlpkit.dsl.spec.ExperimentSpec

/**
 * The checks an experiment must pass before anything is trained or written, the same for JSON files
 * and the DSL. Every function reports all problems in file order (name, data, network, training,
 * expect, sweep); the `require…` forms throw the first with the others suppressed into it
 * ([ConfigException.problems] lists them all).
 */
object SpecValidation {
    /**
     * Problems knowable without the data: ranges (a concept's parameters such as units, dropout, lr, momentum and
     * betas; every number of the spec as its [mlpkit.dsl.spec.ValidRange] declares, through [RangeChecks]), names (generator and parameters,
     * built-in sets, metrics, monitors, layer activations and initialisers), the loss against the output
     * activation, and every sweep variation merged into the base. Paths are as in the JSON form;
     * [file] heads each message.
     */
    @JvmOverloads
    fun validate(
        spec: ExperimentSpec,
        file: String,
        registry: Registry = Registry.builtIns(),
        limits: MachineLimits = MachineLimits.ofThisMachine(),
    ): List<ConfigException> {
        val base = validateWithoutSweep(spec, file, registry, limits)
        val sweep = spec.sweep ?: return base
        val problems = Problems(file)
        problems.addAll(base)
        SweepChecks.check(spec, sweep, problems, base, registry) { variant -> validateWithoutSweep(variant, file, registry, limits) }
        return problems.all
    }

    /**
     * Problems that need the data's shape: [samples] rows before the split (of the training file or
     * generated set), [features] columns, [classes] (null for regression targets) and [outputs] target
     * columns. A batch larger than the training part, an output layer that does not give one value per
     * class (1 is fine for 2 classes) or per regression target, class-only settings for regression,
     * two-class metrics for more classes, a network too large for this machine ([limits]).
     * Sweep variations that change `data` are checked against their own data's shape from
     * [shapeOfVariation] (given the merged variation; it may load or generate that data), or skipped
     * when it is null.
     */
    @JvmOverloads
    fun validateAgainstData(
        spec: ExperimentSpec,
        file: String,
        samples: Int,
        features: Int,
        classes: Int?,
        outputs: Int,
        registry: Registry = Registry.builtIns(),
        limits: MachineLimits = MachineLimits.ofThisMachine(),
        shapeOfVariation: ((ExperimentSpec) -> DataShape)? = null,
    ): List<ConfigException> {
        val shape = DataShapeChecks(samples, features, classes, outputs, registry, limits)
        val problems = Problems(file)
        shape.check(spec, problems)
        val base = problems.all
        for (merged in MergedVariation.allOf(spec, file, registry)) {
            val variant = merged.spec ?: continue // unreadable variations are reported by validate
            if (merged.patches("data")) {
                // Named as the sweep names its runs (`<base>-<variation>`), so a problem with its data can say which.
                val own = shapeOfVariation?.invoke(variant.copy(name = "${spec.name}-${merged.variation.name}")) ?: continue
                val checks = DataShapeChecks(own.samples, own.features, own.classes, own.outputs, registry, limits)
                problems.addAll(Problems(file).also { checks.check(variant, it) }.all.map(merged::relocate))
                continue
            }
            val own = Problems(file).also { shape.check(variant, it) }.all
            problems.addAll(SweepChecks.newProblems(own, base).map(merged::relocate))
        }
        return problems.all
    }

    /**
     * The problem of starting a run of [spec] (after command-line overrides such as `--spark`): data read by an engine
     * (`"type": "spark"`) without a cluster block; empty otherwise.
     */
    fun runProblems(spec: ExperimentSpec, file: String): List<ConfigException> =
        Problems(file).also { EngineSourceChecks.engineMissing(spec, it) }.all

    /** The shape of a data set as [validateAgainstData] needs it (see there). */
    data class DataShape(val samples: Int, val features: Int, val classes: Int?, val outputs: Int)

    /** Throws the problems of [validate] for an experiment from [source] (a DSL experiment's name, or a file). */
    @JvmOverloads
    fun requireValid(spec: ExperimentSpec, source: String, registry: Registry = Registry.builtIns()) =
        ConfigException.throwFirstOf(validate(spec, source, registry))

    /** Throws the problems of [validateAgainstData]. */
    @JvmOverloads
    fun requireValidAgainstData(
        spec: ExperimentSpec,
        source: String,
        samples: Int,
        features: Int,
        classes: Int?,
        outputs: Int,
        registry: Registry = Registry.builtIns(),
    ) = ConfigException.throwFirstOf(validateAgainstData(spec, source, samples, features, classes, outputs, registry))

    private fun validateWithoutSweep(spec: ExperimentSpec, file: String, registry: Registry, limits: MachineLimits): List<ConfigException> {
        val problems = Problems(file)
        val ranges = RangeChecks(spec)
        if (spec.name.isBlank()) problems.add(JsonPath.ROOT.key("name"), "no name", "a name for the experiment and its runs", JsonText.quoted(spec.name))
        DataChecks.check(spec.data, limits, problems)
        ranges.check("data", problems)
        NetworkChecks.check(spec.network, problems)
        TrainingChecks.check(spec, registry, limits, problems)
        ranges.check("training", problems)
        ExpectationChecks.check(spec, registry, problems)
        ValidationChecks.check(spec, problems)
        ranges.check("validation", problems)
        ClusterChecks.check(spec, problems)
        ranges.check("cluster", problems)
        EngineSourceChecks.check(spec, registry, problems)
        ranges.remaining(problems)
        return problems.all
    }
}
