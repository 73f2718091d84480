package mlpkit.app

import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.UsageError
import com.github.ajalt.clikt.output.HelpFormatter.ParameterHelp
import com.github.ajalt.clikt.output.MordantHelpFormatter

/**
 * `mlp`'s help: Clikt's, with defaults and required options shown, and each subcommand listed with its whole
 * summary. Clikt lists a subcommand by the first line of its help only, so a summary written over two lines
 * would be cut in the middle of a sentence; here the summary is the help's whole first paragraph.
 */
class FullSummaryHelpFormatter(context: Context) :
    MordantHelpFormatter(context, showDefaultValues = true, showRequiredTag = true) {

    override fun formatHelp(
        error: UsageError?,
        prolog: String,
        epilog: String,
        parameters: List<ParameterHelp>,
        programName: String,
    ): String {
        val subcommands = context.command.registeredSubcommands().associateBy { it.commandName }
        val whole = parameters.map { parameter ->
            val command = (parameter as? ParameterHelp.Subcommand)?.let { subcommands[it.name] }
            if (command == null) parameter else parameter.copy(help = summary(command.help(context)))
        }
        return super.formatHelp(error, prolog, epilog, whole, programName)
    }

    companion object {
        /** A help text's first paragraph (up to its first blank line) as one line. */
        fun summary(help: String): String =
            help.trim().split(Regex("""\n\s*\n""")).first().lines().joinToString(" ") { it.trim() }.trim()
    }
}
