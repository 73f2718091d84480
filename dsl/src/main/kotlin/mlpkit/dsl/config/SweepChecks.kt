package mlpkit.dsl.config

import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SweepSpec

/**
 * What can be wrong with a sweep: its own settings, and each variation, which must make a valid
 * experiment once merged into the base. A problem the base already has is reported once, at the base.
 */
internal object SweepChecks {
    private val sweepPath = JsonPath.ROOT.key("sweep")

    fun check(
        spec: ExperimentSpec,
        sweep: SweepSpec,
        problems: Problems,
        baseProblems: List<ConfigException>,
        registry: mlpkit.core.concept.Registry,
        checkMerged: (ExperimentSpec) -> List<ConfigException>,
    ) {
        val variationsPath = sweepPath.key("variations")
        if (sweep.variations.isEmpty() && sweep.grid == null) {
            problems.add(variationsPath, "no variations", "at least one {\"name\": …, \"patch\": {…}}", "an empty list")
        }
        SweepGridChecks.check(spec, sweep, problems, baseProblems, registry, checkMerged)
        val seen = HashSet<String>()
        sweep.variations.forEachIndexed { i, variation ->
            val path = variationsPath.index(i)
            if (variation.name.isBlank()) {
                problems.add(path.key("name"), "no name", "a name to tell the runs apart", JsonText.quoted(variation.name))
            } else if (!seen.add(variation.name)) {
                problems.add(path.key("name"), "duplicate variation name", "each name once", "a second ${JsonText.quoted(variation.name)}")
            }
        }
        for (merged in MergedVariation.allOf(spec, problems.file, registry)) {
            if (merged.patches("sweep")) {
                problems.add(merged.patchPath.key("sweep"), "a sweep inside a variation", "a patch of the experiment without its sweep", "a \"sweep\" key")
                continue
            }
            problems.addAll(merged.readProblems.map(merged::relocate))
            merged.spec?.let { variant -> problems.addAll(newProblems(checkMerged(variant), baseProblems).map(merged::relocate)) }
        }
    }

    /** [found] without the problems the base experiment already has. */
    fun newProblems(found: List<ConfigException>, base: List<ConfigException>): List<ConfigException> {
        val known = base.map { it.jsonPath to it.problem }.toSet()
        return found.filter { (it.jsonPath to it.problem) !in known }
    }
}
