package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.CliktError
import com.github.ajalt.clikt.core.MultiUsageError
import com.github.ajalt.clikt.core.PrintHelpMessage
import com.github.ajalt.clikt.core.PrintMessage
import com.github.ajalt.clikt.core.ProgramResult
import com.github.ajalt.clikt.core.UsageError
import com.github.ajalt.clikt.core.context
import com.github.ajalt.clikt.core.parse
import com.github.ajalt.clikt.core.subcommands
import com.github.ajalt.clikt.core.terminal
import com.github.ajalt.clikt.output.ParameterFormatter
import com.github.ajalt.mordant.rendering.AnsiLevel
import com.github.ajalt.mordant.terminal.Terminal
import java.io.PrintStream
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    exitProcess(runCli(args, System.out, System.err))
}

/**
 * Runs `mlp` with [args], writing the command's output to [out] and diagnostics to [err], and returns
 * the exit status (see [ExitCode]). Nothing escapes as an exception: the user sees one line per
 * problem, never a stack trace, unless [debug] (env `MLP_DEBUG=1`) asks for it on internal errors.
 */
fun runCli(
    args: Array<String>,
    out: PrintStream,
    err: PrintStream,
    debug: Boolean = System.getenv("MLP_DEBUG") == "1",
): Int {
    val command = MlpCommand()
        .subcommands(commands(out, err))
        .context { terminal = terminalFor(out) }
    return try {
        command.parse(args)
        ExitCode.OK
    } catch (e: PrintHelpMessage) {
        // --help succeeds on stdout; help shown because the command was incomplete is a usage error.
        val help = command.getFormattedHelp(e)
        if (e.error) {
            err.println(help)
            ExitCode.INVALID_INPUT
        } else {
            out.println(help)
            ExitCode.OK
        }
    } catch (e: PrintMessage) {
        out.println(e.message) // --version
        ExitCode.OK
    } catch (e: UsageError) {
        // Clikt's own status for usage errors is 1, which here means "a check failed": map to 2.
        err.println(oneLine(e, command))
        ExitCode.INVALID_INPUT
    } catch (e: ProgramResult) {
        e.statusCode
    } catch (e: InvalidInput) {
        err.println(e.message)
        ExitCode.INVALID_INPUT
    } catch (e: CliktError) {
        e.message?.let(err::println)
        if (e.statusCode == ExitCode.OK) ExitCode.INTERNAL_ERROR else e.statusCode
    } catch (e: Throwable) {
        // Throwable, not Exception: a StackOverflowError from a huge network must not print a trace either.
        if (debug) {
            e.printStackTrace(err)
        } else {
            err.println("mlp: internal error: ${e.javaClass.name}: ${e.message} (MLP_DEBUG=1 prints the stack trace)")
        }
        ExitCode.INTERNAL_ERROR
    }
}

/**
 * The verbs of `mlp`, in the order `--help` lists them: to add one, write its command class and add it here.
 * Each writes its output to [out] and its diagnostics to [err].
 */
internal fun commands(out: PrintStream, err: PrintStream): List<CliktCommand> = listOf(
    GradcheckCommand(out),
    RunCommand(out, err),
    RunCommand(out, err, verify = true),
    CvCommand(out, err),
    PredictCommand(out),
    EvaluateCommand(out),
    SummaryCommand(out),
    ExportCommand(out),
    CheckCommand(out),
    ConceptsCommand(out),
    BenchCommand(out),
    DataCommand().subcommands(DataListCommand(out), DataGenCommand(out), DataInspectCommand(out), DataFetchCommand(out, err)),
)

/**
 * A usage error as one self-sufficient line, `mlp gradcheck: <problem>; <problem> (see ...)`, instead
 * of Clikt's multi-line usage block, so that scripts can show or grep the first line of stderr.
 */
private fun oneLine(error: UsageError, root: MlpCommand): String {
    val problems = (error as? MultiUsageError)?.errors ?: listOf(error)
    // A MultiUsageError carries no context of its own; its parts know which (sub)command they belong to.
    val context = error.context ?: problems.firstNotNullOfOrNull { it.context } ?: root.currentContext
    val commandPath = context.commandNameWithParents().joinToString(" ")
    val localization = context.localization
    val message = problems.joinToString("; ") { it.formatMessage(localization, ParameterFormatter.Plain) }
    return "$commandPath: $message (see '$commandPath --help')"
}

/**
 * The terminal Clikt renders help with. Only the real stdout may get colours and its width from the
 * console; any other stream (tests, embedding) gets plain 80-column text.
 */
private fun terminalFor(out: PrintStream): Terminal =
    if (out === System.out) Terminal() else Terminal(ansiLevel = AnsiLevel.NONE, width = 80, interactive = false)
