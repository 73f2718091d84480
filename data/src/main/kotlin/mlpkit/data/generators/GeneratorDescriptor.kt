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
    fun generate(rawValues: Map<String, String>): Dataset = call(GeneratorArguments(name, parse(rawValues)))

    /**
     * The problems of [rawValues] found without generating anything, in parameter order: unknown names,
     * malformed values, numbers outside a parameter's [GeneratorParameter.range]. Each names its parameter
     * (as the user wrote it) so that a config can point at it. Combinations of parameters are checked
     * when the generator runs.
     */
    fun problems(rawValues: Map<String, String>): List<GeneratorParameterException> = rawValues.mapNotNull { (key, raw) ->
        try {
            parseOne(key, raw)
            null
        } catch (e: GeneratorParameterException) {
            e
        }
    }

    /**
     * The rows and features the generator would make for [rawValues] (already free of [problems]), known
     * before generating, so a size too large for the machine is refused first: rows from `n_samples` (a
     * total, a pair or per-centre counts), features from `n_features` (2 for generators without one).
     */
    fun claimedSize(rawValues: Map<String, String>): Pair<Long, Long> {
        val parsed = parse(rawValues)
        val rows = when (val n = parsed["n_samples"]) {
            is Int -> n.toLong()
            is Pair<*, *> -> (n.first as Int).toLong() + (n.second as Int).toLong()
            is IntArray -> n.sumOf { it.toLong() }
            else -> 0L
        }
        val features = (parsed["n_features"] as? Int)?.toLong() ?: PLANE_FEATURES
        return rows to features
    }

    private fun parse(rawValues: Map<String, String>): Map<String, Any?> {
        val parsed = HashMap<String, Any?>()
        for ((key, raw) in rawValues) {
            val (parameter, value) = parseOne(key, raw)
            parsed[parameter.name] = value
        }
        for (parameter in parameters) {
            if (parameter.name !in parsed) parsed[parameter.name] = parameter.type.parse(parameter.name, parameter.default)
        }
        return parsed
    }

    /** One raw value, checked for its name, syntax and range. */
    private fun parseOne(key: String, raw: String): Pair<GeneratorParameter, Any?> {
        val parameterName = key.removePrefix("--").replace('-', '_')
        val known = "known parameters are ${parameters.joinToString(", ") { it.name }}"
        val parameter = parameters.firstOrNull { it.name == parameterName } ?: throw GeneratorParameterException(
            name, key, "no parameter of $name: $known", "$name has no parameter '$key': $known",
        )
        val value = try {
            parameter.type.parse(parameterName, raw)
        } catch (e: IllegalArgumentException) {
            val message = e.message.orEmpty()
            throw GeneratorParameterException(name, key, message.removePrefix("--$parameterName: "), message)
        }
        parameter.rangeProblem(value)?.let { throw GeneratorParameterException(name, key, it) }
        return parameter to value
    }

    override fun toString(): String = name

    private companion object {
        /** make_moons and make_circles draw points in the plane. */
        const val PLANE_FEATURES = 2L
    }
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
