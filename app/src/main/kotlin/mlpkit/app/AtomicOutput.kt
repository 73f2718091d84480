package mlpkit.app

import java.io.IOException
import java.io.Writer
import java.nio.charset.StandardCharsets
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

/**
 * Writes [target] all or nothing: the content goes to a temporary file in the same directory, which
 * replaces [target] only after [write] has finished without an exception. A failure half-way (bad
 * input found while writing, a full disk, a killed JVM) leaves any existing [target] untouched and no
 * partial file that looks complete.
 */
fun writeAtomically(target: Path, write: (Writer) -> Unit) {
    val absolute = target.toAbsolutePath()
    val directory = absolute.parent
    if (!Files.isDirectory(directory)) {
        throw InvalidInput("mlp: cannot write $target: the directory $directory does not exist (create it first)")
    }
    val temporary = try {
        Files.createTempFile(directory, ".${absolute.fileName}.", ".partial")
    } catch (e: IOException) {
        throw InvalidInput("mlp: cannot write $target: ${e.message ?: e.javaClass.simpleName} (check the directory's permissions)")
    }
    try {
        Files.newBufferedWriter(temporary, StandardCharsets.UTF_8).use(write)
        try {
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
        } catch (e: AtomicMoveNotSupportedException) {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING)
        }
    } finally {
        Files.deleteIfExists(temporary)
    }
}
