package mlpkit.app

import java.io.IOException
import java.io.UncheckedIOException

/**
 * Runs [block], turning what bad files and parameters throw (format errors, I/O errors, rejected
 * arguments) into one [InvalidInput] line `mlp <command>: <message>` with exit status 2.
 */
internal inline fun <T> asInvalidInput(command: String, block: () -> T): T = try {
    block()
} catch (e: InvalidInput) {
    throw e
} catch (e: mlpkit.data.io.CannotWriteException) {
    // Every command that writes files chooses where with --out.
    throw InvalidInput("mlp $command: ${e.withElsewhere("choose another --out")}")
} catch (e: IllegalArgumentException) {
    throw InvalidInput("mlp $command: ${e.message}")
} catch (e: IOException) {
    throw InvalidInput("mlp $command: ${e.message ?: e.javaClass.simpleName}")
} catch (e: mlpkit.dsl.model.ModelFileException) {
    throw InvalidInput("mlp $command: ${e.message}")
} catch (e: mlpkit.dsl.model.NotAClassifierException) {
    // Classes asked of a regression model (in a script's hook, say): the caller's mistake, not mlp's.
    throw InvalidInput("mlp $command: ${e.message}")
} catch (e: UncheckedIOException) {
    throw InvalidInput("mlp $command: ${e.cause?.message ?: e.message}")
}
