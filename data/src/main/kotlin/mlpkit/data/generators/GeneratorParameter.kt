package mlpkit.data.generators

/**
 * One parameter of a generator as the command line sees it: sklearn's snake_case [name], its
 * [type], its [default] written in the raw syntax (what you would pass to get the default), and a
 * one-line [description], and the [range] its numbers must lie in (null: any), checked before the generator runs.
 */
data class GeneratorParameter(
    val name: String,
    val type: ParameterType,
    val default: String,
    val description: String,
    val range: ParameterRange? = null,
) {
    /** Null when [value] (parsed) lies in [range], else `expected …, got …` for a message that names the parameter. */
    fun rangeProblem(value: Any?): String? {
        val range = range ?: return null
        val outside = range.outside(value)
        if (outside.isEmpty()) return null
        val shown = outside.first().let { if (it == Math.rint(it) && kotlin.math.abs(it) < 1e15) it.toLong().toString() else it.toString() }
        val syntax = type.syntax
        val expected = when {
            "comma" in syntax -> "$syntax, each ${range.text}"
            syntax.endsWith(" or none") -> "${syntax.removeSuffix(" or none")} ${range.text} or none"
            else -> "$syntax ${range.text}"
        }
        return "expected $expected, got $shown"
    }
}
