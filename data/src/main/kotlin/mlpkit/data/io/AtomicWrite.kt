package mlpkit.data.io

import java.io.OutputStream
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

/**
 * Writes [target] so that a reader sees either the old file or the complete new one, never a part:
 * [write] fills a temporary file beside [target] (creating missing parent folders), which then
 * replaces [target] by an atomic rename. A failure in [write] leaves [target] as it was and removes
 * the temporary file. On the rare file system that cannot rename atomically, a plain replace is the
 * best it offers.
 */
fun writeAtomically(target: Path, write: (OutputStream) -> Unit) {
    val absolute = target.toAbsolutePath()
    Files.createDirectories(absolute.parent)
    val temporary = Files.createTempFile(absolute.parent, ".${absolute.fileName}.", ".part")
    try {
        Files.newOutputStream(temporary).use(write)
        try {
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
        } catch (_: AtomicMoveNotSupportedException) {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING)
        }
    } finally {
        Files.deleteIfExists(temporary)
    }
}
