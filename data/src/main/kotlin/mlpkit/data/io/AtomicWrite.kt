package mlpkit.data.io

import java.io.IOException
import java.io.OutputStream
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

/**
 * Writes [target] so that a reader sees either the old file or the complete new one, never a part:
 * [write] fills a temporary file beside [target] (creating missing parent folders; see [TemporaryFiles]
 * for its name and how it is removed even on SIGTERM), which then replaces [target] by an atomic rename.
 * A failure in [write] leaves [target] as it was and removes the temporary file. On the rare file system
 * that cannot rename atomically, a plain replace is the best it offers.
 *
 * An I/O error becomes a [CannotWriteException] naming [target] (full disk, permission denied, a file
 * where a directory is expected); what [write] itself throws otherwise passes unchanged.
 */
fun writeAtomically(target: Path, write: (OutputStream) -> Unit) {
    val absolute = target.toAbsolutePath()
    if (Files.isDirectory(absolute)) throw CannotWriteException(absolute, "it is a directory", "name a file inside it")
    val temporary = try {
        Files.createDirectories(absolute.parent)
        TemporaryFiles.create(absolute)
    } catch (e: IOException) {
        throw CannotWriteException.of(absolute, e)
    }
    try {
        try {
            Files.newOutputStream(temporary).use(write)
        } catch (e: IOException) {
            throw CannotWriteException.of(absolute, e)
        }
        try {
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
            } catch (_: AtomicMoveNotSupportedException) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING)
            }
        } catch (e: IOException) {
            throw CannotWriteException.of(absolute, e)
        }
    } finally {
        TemporaryFiles.release(temporary)
    }
}
