package mlpkit.dsl.config

/**
 * One problem of an experiment configuration. The message is exactly `FILE: $.json.path: problem`, where
 * [file] is the JSON file (or, for a DSL experiment, its name), [jsonPath] points at the offending value
 * (`$.training.loss`, `$.network[1].units`) and [problem] reads `what is wrong (expected …, got …)`,
 * sometimes followed by what to do.
 *
 * When a configuration has several problems the first is thrown and the others are attached as
 * suppressed exceptions, so [problems] lists all of them in file order. It is an
 * [IllegalArgumentException] because a configuration is an argument; the command line maps it to exit 2.
 */
class ConfigException(
    val file: String,
    val jsonPath: String,
    val problem: String,
) : IllegalArgumentException("$file: $jsonPath: $problem") {
    /** This problem followed by the ones attached to it (see [throwFirstOf]). */
    val problems: List<ConfigException>
        get() = listOf(this) + suppressed.filterIsInstance<ConfigException>()

    companion object {
        /** Throws the first of [problems] with the rest suppressed into it; returns when there are none. */
        fun throwFirstOf(problems: List<ConfigException>) {
            if (problems.isEmpty()) return
            val first = problems.first()
            problems.drop(1).forEach(first::addSuppressed)
            throw first
        }
    }
}
