package mlpkit.app.script

import kotlin.script.experimental.api.ScriptDiagnostic

/**
 * A compiler report as one line in the usual compiler format, `FILE:line:col: error: message`, which
 * editors and terminals turn into a link to the place. [file] is the path as the user gave it, not
 * the compiler's idea of it. Reports without a position (rare: e.g. a compiler failure) are
 * `FILE: error: message`.
 */
internal fun ScriptDiagnostic.render(file: String): String {
    val start = location?.start
    val place = if (start != null) "$file:${start.line}:${start.col}" else file
    return "$place: ${severityLabel()}: $message"
}

internal val ScriptDiagnostic.isError: Boolean
    get() = severity >= ScriptDiagnostic.Severity.ERROR

internal val ScriptDiagnostic.isWarning: Boolean
    get() = severity == ScriptDiagnostic.Severity.WARNING

private fun ScriptDiagnostic.severityLabel(): String = when (severity) {
    ScriptDiagnostic.Severity.FATAL, ScriptDiagnostic.Severity.ERROR -> "error"
    ScriptDiagnostic.Severity.WARNING -> "warning"
    ScriptDiagnostic.Severity.INFO -> "info"
    ScriptDiagnostic.Severity.DEBUG -> "debug"
}
