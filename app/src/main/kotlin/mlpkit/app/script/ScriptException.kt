package mlpkit.app.script

import com.github.ajalt.clikt.core.CliktError
import mlpkit.app.ExitCode

/**
 * An experiment script that cannot be turned into an experiment: it does not compile, it throws, or
 * it does not end with an experiment. [lines] are the complete, self-sufficient lines for stderr,
 * `FILE:line:col: error: message` for compile errors and `FILE: error: message` otherwise; the
 * message is those lines joined.
 *
 * A [CliktError] with [ExitCode.INVALID_INPUT], like [mlpkit.app.InvalidInput]: a command that lets it
 * escape gets exactly these lines on stderr and exit status 2 from `runCli`, with no stack trace.
 */
class ScriptException(val lines: List<String>) :
    CliktError(lines.joinToString("\n"), statusCode = ExitCode.INVALID_INPUT) {
    constructor(line: String) : this(listOf(line))
}
