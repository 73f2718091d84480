package mlpkit.dsl.config

import mlpkit.core.activation.Activation
import mlpkit.core.activation.Activations
import mlpkit.core.init.Initializers
import mlpkit.core.network.DenseSpec
import mlpkit.core.network.NetworkSpec
import mlpkit.core.network.NotationException
import mlpkit.dsl.spec.LayerConfig

/**
 * The activation and initialiser strings of a dense layer object (`"activation": "leakyRelu(0.01)"`),
 * read by the core notation parser so JSON layers accept exactly what the notation accepts. Each string
 * must have the shape of one call first: otherwise `"relu); dense(3, relu"` would smuggle in a layer.
 */
internal object LayerFields {
    /** The initialiser name that only a bias can take (`Initializers.SAME_AS_WEIGHTS`). */
    private val BIAS_ONLY = Initializers.SAME_AS_WEIGHTS.notation()
    private val oneCall = Regex("""\s*[A-Za-z_][A-Za-z0-9_]*\s*(\([^(),;<>=]*(,[^(),;<>=]*)*\))?\s*""")

    fun activationProblem(text: String): String? =
        problem(text, Activations.NAMES, "network < dense(1, $text) >")

    fun weightsProblem(text: String): String? {
        if (text.trim() == BIAS_ONLY) {
            return "a bias-only initialiser (expected a weight initialiser such as glorotUniform or normal(1.0), got \"$BIAS_ONLY\"); " +
                "\"$BIAS_ONLY\" draws the bias like the weights, so it belongs in \"bias\""
        }
        return problem(text, Initializers.NAMES - BIAS_ONLY, "network < dense(1, identity, weights=$text) >")
    }

    fun biasProblem(text: String): String? =
        problem(text, Initializers.NAMES, "network < dense(1, identity, bias=$text) >")

    /** The activation of [layer], or null when its text is not one (reported by [activationProblem]). */
    fun activationOf(layer: LayerConfig.Dense): Activation? {
        if (activationProblem(layer.activation) != null) return null
        return (parse("network < dense(1, ${layer.activation}) >").layers()[0] as DenseSpec).activation()
    }

    private fun problem(text: String, names: List<String>, notation: String): String? {
        if (!oneCall.matches(text)) return "not a name or call (expected ${JsonText.oneOf(names)}, got ${JsonText.quoted(text)})"
        return try {
            parse(notation)
            null
        } catch (e: NotationException) {
            NotationProblem.describe(e, column = null)
        }
    }

    private fun parse(notation: String): NetworkSpec = NetworkSpec.parse(notation)
}
