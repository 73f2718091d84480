package mlpkit.app

import mlpkit.core.concept.Registry
import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.context
import com.github.ajalt.clikt.parameters.options.versionOption

/**
 * The root `mlp` command: only dispatches to its subcommands and answers `--help` / `--version`.
 */
class MlpCommand : CliktCommand(name = "mlp") {
    init {
        versionOption(mlpVersion(), names = setOf("--version"), message = { "mlp $it" })
        // Defaults and required options shown in --help, so that "what did I just run?" never needs the source,
        // and every subcommand listed with its whole summary.
        context { helpFormatter = { FullSummaryHelpFormatter(it) } }
    }

    override fun help(context: Context) = """
        mlp: multi-layer perceptrons on the JVM (mlpkit).

        Networks are written in one-line notation, e.g.
        'network < dense(6, sigmoid); dense(4, tanh); dense(1, sigmoid) >'.
    """.trimIndent()

    override fun helpEpilog(context: Context): String {
        val registry = Registry.builtIns()
        // \u0085 is Clikt's hard line break: one kind per line.
        val kinds = registry.kinds().joinToString("\u0085") { kind ->
            "${ConceptsCommand.plural(kind)}: ${registry.of(kind).names().joinToString(", ")}"
        }
        return "Building blocks ('mlp concepts' shows their parameters):\u0085$kinds\n\n" +
            "Exit status: 0 ok, 1 a check failed, 2 invalid input or usage, 3 internal error."
    }

    override fun run() = Unit
}
