package mlpkit.app.reference

import mlpkit.app.ConceptsCommand
import mlpkit.app.MlpCommand
import mlpkit.app.commands
import mlpkit.app.runCli
import mlpkit.core.concept.Concept
import mlpkit.core.concept.Param
import mlpkit.core.concept.Registry
import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.generators.GeneratorRegistry
import mlpkit.dsl.config.ConfigKeys
import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.subcommands
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import kotlin.system.exitProcess

/** The command that writes docs/reference.md, as the file, README and the test's message say it. */
const val REFERENCE_COMMAND = "scripts/generate-reference.sh"

/**
 * docs/reference.md: every key of an experiment file, every word of the DSL, every `mlp` command with its full
 * help, and every building block, data source, callback, generator and built-in set with its parameters, all
 * written from the code that defines them (the concept registry, the spec model's descriptors, the data
 * registries, Clikt's command tree). `ReferenceDocTest` fails when the committed file differs from [text].
 */
object ReferenceDoc {
    fun text(): String = buildString {
        appendLine("# mlpkit reference")
        appendLine()
        appendLine("Written by `$REFERENCE_COMMAND` from the code: the concept registry, the experiment file's spec classes, the data")
        appendLine("registries and the `mlp` command tree. Do not edit it by hand; `ReferenceDocTest` (in `mvn -B verify`) fails when")
        appendLine("it differs from what the code writes, and `$REFERENCE_COMMAND` writes it anew.")
        appendLine()
        val registry = Registry.builtIns()
        val kinds = registry.kinds()
        appendLine("- [The command line](#the-command-line)")
        appendLine("- [Experiment files (JSON)](#experiment-files-json): [data sources](#data-sources), [callbacks](#callbacks)")
        appendLine("- [Building blocks](#building-blocks): " + kinds.joinToString(", ") { "[${ConceptsCommand.plural(it)}](#${ConceptsCommand.plural(it)})" })
        appendLine("- [Data generators](#data-generators), [built-in data sets](#built-in-data-sets)")
        appendLine("- [The Kotlin DSL](#the-kotlin-dsl)")
        appendLine()
        commandLine(this)
        experimentFiles(this, registry)
        buildingBlocks(this, registry)
        data(this)
        dsl(this)
    }

    private fun commandLine(out: StringBuilder) {
        out.appendLine("## The command line")
        out.appendLine()
        out.appendLine("Each command's `--help`, as `mlp` prints it.")
        out.appendLine()
        val sink = PrintStream(ByteArrayOutputStream())
        val root = MlpCommand().subcommands(commands(sink, sink))
        for (path in commandPaths(root, emptyList())) {
            out.appendLine("### `${(listOf("mlp") + path).joinToString(" ")}`")
            out.appendLine()
            out.appendLine("```text")
            out.appendLine(help(path).trimEnd())
            out.appendLine("```")
            out.appendLine()
        }
    }

    private fun commandPaths(command: CliktCommand, path: List<String>): List<List<String>> =
        listOf(path) + command.registeredSubcommands().flatMap { commandPaths(it as CliktCommand, path + it.commandName) }

    private fun help(path: List<String>): String {
        val out = ByteArrayOutputStream()
        val err = ByteArrayOutputStream()
        val status = runCli((path + "--help").toTypedArray(), PrintStream(out, true, Charsets.UTF_8), PrintStream(err, true, Charsets.UTF_8), debug = false)
        check(status == 0) { "mlp ${path.joinToString(" ")} --help exited $status: $err" }
        return out.toString(Charsets.UTF_8)
    }

    private fun experimentFiles(out: StringBuilder, registry: Registry) {
        out.appendLine("## Experiment files (JSON)")
        out.appendLine()
        out.appendLine("Every key, with what its value must be, its valid range and its default (`required`: no default). Keys under a")
        out.appendLine("`type` belong to that variant. `[i]` is any element of a list, `<name>` any key of an object. Values a concept takes")
        out.appendLine("(network, loss, optimizer, schedule) are checked against the concept's own parameters ([building blocks](#building-blocks)).")
        out.appendLine()
        val keys = ConfigKeys.all(registry)
        table(
            out, listOf("key", "for", "value", "range", "default"),
            keys.map { listOf("`${it.path}`", it.variant.code(), it.expected, it.range, if (it.required) "required" else it.default.code()) },
        )
        out.appendLine()
        for ((title, prefix) in listOf("Data sources" to "$.data.source.", "Callbacks" to "$.training.callbacks[i].")) {
            out.appendLine("### $title")
            out.appendLine()
            val below = keys.filter { it.path.startsWith(prefix) && it.variant.isNotEmpty() }
            for ((variant, members) in below.groupBy { it.variant }) {
                out.appendLine("- `{$variant}`: " + members.filter { it.path.count { c -> c == '.' } == prefix.count { c -> c == '.' } }
                    .joinToString(", ") { "`${it.path.removePrefix(prefix)}` (${if (it.required) "required" else "default ${it.default}"})" })
            }
            out.appendLine()
        }
    }

    private fun buildingBlocks(out: StringBuilder, registry: Registry) {
        out.appendLine("## Building blocks")
        out.appendLine()
        out.appendLine("The concepts of the registry, kind by kind, as the notation writes them (`mlp concepts` prints the same).")
        out.appendLine()
        for (kind in registry.kinds()) {
            out.appendLine("### ${ConceptsCommand.plural(kind)}")
            out.appendLine()
            for (concept in registry.of(kind).all()) concept(out, concept)
        }
    }

    private fun concept(out: StringBuilder, concept: Concept<*>) {
        val aliases = if (concept.aliases().isEmpty()) "" else " (also ${concept.aliases().joinToString(", ") { "`$it`" }})"
        out.appendLine("- `${concept.signature()}`$aliases: ${concept.summary().cell()}")
        if (concept.params().isNotEmpty()) {
            out.appendLine()
            table(out, listOf("parameter", "type", "default", "valid values", "meaning"), concept.params().map { p ->
                listOf("`${p.name()}`", typeOf(p), if (p.isRequired) "required" else "`${p.format(p.defaultValue())}`", p.expectation(), p.doc())
            }, indent = "  ")
        }
        out.appendLine()
    }

    private fun typeOf(param: Param): String = if (param.type() == Param.Type.CONCEPT) param.kind().name() else param.type().name.lowercase()

    private fun data(out: StringBuilder) {
        out.appendLine("## Data generators")
        out.appendLine()
        out.appendLine("scikit-learn's generators, for `{\"type\": \"generator\"}` sources and `mlp data gen` (scikit-learn's parameter names).")
        out.appendLine()
        for (generator in GeneratorRegistry.standard.generators) {
            out.appendLine("- `${generator.name}` (also `${generator.shortName}`): ${generator.summary.cell()}")
            out.appendLine()
            table(out, listOf("parameter", "type", "default", "valid values", "meaning"), generator.parameters.map { p ->
                listOf("`${p.name}`", p.type.syntax, "`${p.default}`", p.range?.text ?: "", p.description)
            }, indent = "  ")
            out.appendLine()
        }
        out.appendLine("## Built-in data sets")
        out.appendLine()
        out.appendLine("For `{\"type\": \"builtin\", \"set\": …}` sources and `mlp data inspect`.")
        out.appendLine()
        table(out, listOf("set", "task", "shape", "what it is"), BuiltInSets.all.map { set ->
            listOf("`${set.name}`" + set.aliases.joinToString("") { " (also `$it`)" }, set.task.word, set.shape, set.description)
        })
        out.appendLine()
    }

    private fun dsl(out: StringBuilder) {
        out.appendLine("## The Kotlin DSL")
        out.appendLine()
        out.appendLine("The public words of `mlpkit.dsl`: its top-level functions, then each builder's and each vocabulary's members")
        out.appendLine("(`= …`: the argument may be left out).")
        out.appendLine()
        for (receiver in DslWords.receivers()) {
            out.appendLine("### ${receiver.name}")
            out.appendLine()
            if (receiver.vocabularies.isNotEmpty()) {
                out.appendLine("Also every word of " + receiver.vocabularies.joinToString(", ") { "[$it](#${it.lowercase()})" } + ".")
                out.appendLine()
            }
            for (word in receiver.words) out.appendLine("- `$word`")
            out.appendLine()
        }
    }

    private fun table(out: StringBuilder, header: List<String>, rows: List<List<String>>, indent: String = "") {
        out.appendLine(indent + header.joinToString(" | ", "| ", " |"))
        out.appendLine(indent + header.joinToString("|", "|", "|") { "---" })
        for (row in rows) out.appendLine(indent + row.joinToString(" | ", "| ", " |") { it.cell() })
    }

    /** Text fit for one table cell: no line breaks, pipes escaped. */
    private fun String.cell(): String = replace("\n", " ").replace("|", "\\|")

    private fun String.code(): String = if (isEmpty()) "" else "`$this`"

    /** Writes [text] to [target] through a temporary file beside it, so a half-written file never replaces the old one. */
    fun write(target: Path) {
        val parent = target.toAbsolutePath().parent
        val temporary = Files.createTempFile(parent, ".reference", ".md")
        try {
            Files.writeString(temporary, text())
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
        } finally {
            Files.deleteIfExists(temporary)
        }
    }
}

/** `ReferenceDocKt docs/reference.md`: writes the reference (run by [REFERENCE_COMMAND]). */
fun main(args: Array<String>) {
    if (args.size != 1) {
        System.err.println("usage: ReferenceDocKt FILE.md (expected one argument, the file to write, got ${args.size}); $REFERENCE_COMMAND passes docs/reference.md")
        exitProcess(2)
    }
    ReferenceDoc.write(Path.of(args[0]))
}
