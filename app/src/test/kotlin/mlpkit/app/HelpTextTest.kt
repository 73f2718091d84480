package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.PrintHelpMessage
import com.github.ajalt.clikt.core.context
import com.github.ajalt.clikt.core.parse
import com.github.ajalt.clikt.core.terminal
import com.github.ajalt.mordant.rendering.AnsiLevel
import com.github.ajalt.mordant.terminal.Terminal
import com.github.ajalt.clikt.core.subcommands
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Every help `mlp` prints shows each description whole: command summaries, options and arguments. */
class HelpTextTest {
    /** One entry of a help section: its term (`run`, `--epochs=<n>`) and its description, lines joined. */
    private data class Entry(val section: String, val term: String, val description: String)

    private fun entries(help: String): List<Entry> {
        val found = ArrayList<Entry>()
        var section: String? = null
        for (line in help.lines()) {
            when {
                Regex("""^(Options|Arguments|Commands):$""").matches(line) -> section = line.removeSuffix(":")
                line.isBlank() || !line.startsWith(" ") -> section = null
                section == null -> {}
                Regex("""^  \S""").containsMatchIn(line) -> {
                    val entry = Regex("""^  (\S+(?: \S+)*)(?: {2,}(.*))?$""").find(line)!!
                    found += Entry(section, entry.groupValues[1], entry.groupValues[2].trim())
                }
                found.isNotEmpty() -> found[found.lastIndex] = found.last().let { it.copy(description = (it.description + " " + line.trim()).trim()) }
            }
        }
        return found
    }

    /** Every command path of `mlp`: [] for mlp itself, [run], [data], [data, gen], … */
    private fun paths(command: CliktCommand, path: List<String>): List<List<String>> =
        listOf(path) + command.registeredSubcommands().flatMap { paths(it as CliktCommand, path + it.commandName) }

    private val sink = java.io.PrintStream(java.io.ByteArrayOutputStream())
    private val all = paths(MlpCommand().subcommands(commands(sink, sink)), emptyList())

    /** The first paragraph of a command's own --help (the text under its usage line), as one line. */
    private fun ownSummary(help: String): String =
        help.substringAfter("\n\n").substringBefore("\n\n").lines().joinToString(" ") { it.trim() }.trim()

    @Test
    fun `each command list shows every subcommand's whole summary, as the subcommand's own help begins`() {
        var listed = 0
        for (path in all) {
            val help = mlp(*(path + "--help").toTypedArray())
            assertEquals(ExitCode.OK, help.exitCode, help.err)
            for (entry in entries(help.out).filter { it.section == "Commands" }) {
                val own = mlp(*(path + entry.term + "--help").toTypedArray()).out
                assertEquals(ownSummary(own), entry.description, "mlp ${(path + entry.term).joinToString(" ")} in the list of 'mlp ${path.joinToString(" ")} --help'")
                listed++
            }
        }
        assertEquals(all.size - 1, listed, "every command but mlp itself is listed once")
    }

    @Test
    fun `no description in any help output ends mid-sentence or with an ellipsis`() {
        val cut = Regex("""(\.\.\.|…|[,;:(]|\b(and|or|the|a|an|of|to|with|e\.g\.))$""")
        var checked = 0
        for (path in all) {
            val help = mlp(*(path + "--help").toTypedArray()).out
            for (entry in entries(help)) {
                assertTrue(entry.description.isNotEmpty() || entry.section == "Arguments", "'mlp ${path.joinToString(" ")} --help': ${entry.term} has no description")
                assertTrue(!cut.containsMatchIn(entry.description), "'mlp ${path.joinToString(" ")} --help': ${entry.term}: '${entry.description}' is cut")
                checked++
            }
            val summary = ownSummary(help)
            assertTrue(summary.endsWith("."), "'mlp ${path.joinToString(" ")} --help' begins with a cut summary: '$summary'")
        }
        assertTrue(checked > 50, "$checked descriptions")
    }

    @Test
    fun `a command whose summary is written over two lines is listed with the whole summary`() {
        class Wrapped : CliktCommand(name = "wrapped") {
            override fun help(context: Context) = "A summary written\nover two lines.\n\nDetails that stay in its own help."
            override fun run() = Unit
        }
        val root = MlpCommand().subcommands(Wrapped())
            .context { terminal = Terminal(ansiLevel = AnsiLevel.NONE, width = 200, interactive = false) }
        val help = try {
            root.parse(arrayOf("--help"))
            ""
        } catch (e: PrintHelpMessage) {
            root.getFormattedHelp(e).orEmpty()
        }
        val entry = entries(help).single { it.section == "Commands" }
        assertEquals(Entry("Commands", "wrapped", "A summary written over two lines."), entry)
    }

    @Test
    fun `the whole first paragraph of a help is its summary, however it is wrapped`() {
        assertEquals(
            "One sentence written over two lines.",
            FullSummaryHelpFormatter.summary("\n  One sentence written\n  over two lines.\n\n  More detail.\n"),
        )
    }
}
