package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.arguments.optional
import mlpkit.core.concept.Concept
import mlpkit.core.concept.Kind
import mlpkit.core.concept.Param
import mlpkit.core.concept.Registry
import java.io.PrintStream

/**
 * `mlp concepts [KIND]`: the building blocks mlpkit knows, kind by kind, each as it is written (with its
 * parameters, their defaults and valid ranges) and what it computes; read from the registry, so a concept
 * file added to core is listed without touching this command.
 */
class ConceptsCommand(private val out: PrintStream) : CliktCommand(name = "concepts") {
    private val kind by argument(name = "KIND", help = "only this kind: ${kindNames().joinToString(", ")}").optional()

    override fun help(context: Context) =
        "List the building blocks (layers, activations, losses, initialisers, optimisers, schedules, metrics) with their parameters."

    override fun run() {
        val registry = Registry.builtIns()
        val kinds = registry.kinds().filter { kind == null || it.name() == kind || plural(it) == kind }
        if (kinds.isEmpty()) {
            throw InvalidInput("mlp concepts: unknown kind (expected one of ${kindNames().joinToString(", ")}, got '$kind')")
        }
        kinds.forEachIndexed { i, k ->
            if (i > 0) out.println()
            out.println("${plural(k)}:")
            for (concept in registry.of(k).all()) describe(concept, k)
        }
    }

    private fun describe(concept: Concept<*>, kind: Kind<*>) {
        val aliases = if (concept.aliases().isEmpty()) "" else " (also ${concept.aliases().joinToString(", ")})"
        out.println("  ${concept.signature()}$aliases")
        if (concept.summary().isNotEmpty()) out.println("      ${concept.summary()}")
        for (param in concept.params()) {
            val range = if (param.type() == Param.Type.CONCEPT) kind.name().let { param.expectation() } else param.expectation()
            val doc = if (param.doc().isEmpty()) "" else ": ${param.doc()}"
            out.println("      ${param.name()}$doc (${range}${if (param.isRequired) ", required" else ", default ${param.format(param.defaultValue())}"})")
        }
    }

    companion object {
        /** The kinds by their plural names, for help texts. */
        fun kindNames(): List<String> = Registry.builtIns().kinds().map(::plural)

        /** `activation` → `activations`, `loss` → `losses`. */
        fun plural(kind: Kind<*>): String = kind.name().let { if (it.endsWith("s")) it + "es" else it + "s" }
    }
}
