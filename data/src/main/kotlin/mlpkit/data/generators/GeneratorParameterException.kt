package mlpkit.data.generators

/**
 * A generator parameter that cannot be used: [parameter] (as the caller wrote it) of [generator], and
 * [problem] (`expected …, got …` or what to do). Callers that know where the value came from point at it
 * (`$.data.source.params.noise` in a JSON config); the message itself speaks the command line's words
 * (`make_moons: --noise: expected number ≥ 0 or none, got -1`), as `mlp data gen` prints it.
 */
class GeneratorParameterException(
    val generator: String,
    val parameter: String,
    val problem: String,
    message: String = "$generator: --$parameter: $problem",
) : IllegalArgumentException(message)
