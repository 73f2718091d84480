package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import java.io.IOException
import java.io.UncheckedIOException

/** `mlp data …`: the data sets and generators behind experiments. */
class DataCommand : CliktCommand(name = "data") {
    override fun help(context: Context) = "List, generate, inspect and fetch data sets."

    override fun run() = Unit
}

/**
 * Runs [block], turning what bad files and parameters throw (format errors, I/O errors, rejected
 * arguments) into one [InvalidInput] line `mlp data <command>: <message>` with exit status 2.
 */
internal inline fun <T> asInvalidInput(command: String, block: () -> T): T = try {
    block()
} catch (e: InvalidInput) {
    throw e
} catch (e: IllegalArgumentException) {
    throw InvalidInput("mlp data $command: ${e.message}")
} catch (e: IOException) {
    throw InvalidInput("mlp data $command: ${e.message ?: e.javaClass.simpleName}")
} catch (e: UncheckedIOException) {
    throw InvalidInput("mlp data $command: ${e.cause?.message ?: e.message}")
}
