package mlpkit.data.generators

import mlpkit.data.Dataset

/**
 * A generator as the command line sees it: its scikit-learn [name] (`make_moons`), a [summary], its
 * [parameters] with defaults, and [generate], which calls it from raw string values.
 */
class GeneratorDescriptor internal constructor(
    val name: String,
    val summary: String,
    val parameters: List<GeneratorParameter>,
    private val call: (GeneratorArguments) -> Dataset,
) {
    /** The name without sklearn's `make_` prefix (`moons`), also accepted by [GeneratorRegistry.find]. */
    val shortName: String get() = name.removePrefix("make_")

    /**
     * Runs the generator with [rawValues] keyed by parameter name (`n_samples`, also `--n_samples` or
     * `n-samples`); parameters not given take their defaults. Unknown names, malformed values and
     * combinations the generator rejects are [IllegalArgumentException]s that say what was expected.
     */
    fun generate(rawValues: Map<String, String>): Dataset {
        val byName = parameters.associateBy { it.name }
        val parsed = HashMap<String, Any?>()
        for ((key, raw) in rawValues) {
            val parameterName = key.removePrefix("--").replace('-', '_')
            val parameter = byName[parameterName] ?: throw IllegalArgumentException(
                "$name has no parameter '$key': known parameters are ${parameters.joinToString(", ") { it.name }}",
            )
            parsed[parameterName] = parameter.type.parse(parameterName, raw)
        }
        for (parameter in parameters) {
            if (parameter.name !in parsed) parsed[parameter.name] = parameter.type.parse(parameter.name, parameter.default)
        }
        return call(GeneratorArguments(name, parsed))
    }

    override fun toString(): String = name
}

/** Parsed parameter values handed to a generator call, read by name with the type the [ParameterType] produced. */
internal class GeneratorArguments(private val generator: String, private val values: Map<String, Any?>) {
    /** The value of [name], cast to [T] (the registry pairs each name with a matching type). */
    @Suppress("UNCHECKED_CAST")
    fun <T> get(name: String): T {
        check(name in values) { "$generator: no parameter '$name' was parsed" }
        return values[name] as T
    }
}
