package mlpkit.app

import com.github.ajalt.clikt.core.CliktError

/**
 * Input that parsed as a command line but cannot be used (a notation that does not parse, a loss
 * that does not fit the output layer, ...). [message] is the complete, self-sufficient line printed
 * on stderr; the exit status is [ExitCode.INVALID_INPUT], like a usage error.
 */
class InvalidInput(message: String) : CliktError(message, statusCode = ExitCode.INVALID_INPUT)
