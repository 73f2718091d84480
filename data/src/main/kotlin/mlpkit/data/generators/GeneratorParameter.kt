package mlpkit.data.generators

/**
 * One parameter of a generator as the command line sees it: sklearn's snake_case [name], its
 * [type], its [default] written in the raw syntax (what you would pass to get the default), and a
 * one-line [description].
 */
data class GeneratorParameter(
    val name: String,
    val type: ParameterType,
    val default: String,
    val description: String,
)
