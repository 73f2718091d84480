package mlpkit.dsl.model

import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

/**
 * Writes [text] to [target] so that a reader sees either the old file or the complete new one, never a
 * part: the text goes to a temporary file in the same directory, which is then moved over [target]
 * atomically. A failure leaves [target] as it was and removes the temporary file.
 */
fun writeAtomically(target: Path, text: String) {
    val directory = target.toAbsolutePath().parent
    Files.createDirectories(directory)
    val temporary = Files.createTempFile(directory, ".${target.fileName}.", ".tmp")
    try {
        Files.writeString(temporary, text)
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
        } catch (e: AtomicMoveNotSupportedException) {
            // Some file systems cannot rename atomically; replacing is the best they offer.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING)
        }
    } finally {
        Files.deleteIfExists(temporary)
    }
}
