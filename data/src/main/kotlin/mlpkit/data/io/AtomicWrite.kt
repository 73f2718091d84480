package mlpkit.data.io

import java.io.IOException
import java.io.OutputStream
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.nio.channels.FileChannel

/**
 * Writes [target] so that a reader sees either the old file or the complete new one, never a part:
 * [write] fills a temporary file beside [target] (creating missing parent folders; see [TemporaryFiles]
 * for its name and how it is removed even on SIGTERM), which then replaces [target] by an atomic rename.
 * A failure in [write] leaves [target] as it was and removes the temporary file. On the rare file system
 * that cannot rename atomically, a plain replace is the best it offers.
 *
 * With [durable], the temporary file's bytes reach the disk (fsync) before the rename: after a power cut or
 * a crash of the machine too, [target] is the old file or the complete new one, never a torn or empty one
 * (the rename itself may be lost then: the old file). A checkpoint's small state file uses it.
 *
 * An I/O error becomes a [CannotWriteException] naming [target] (full disk, permission denied, a file
 * where a directory is expected); what [write] itself throws otherwise passes unchanged.
 */
fun writeAtomically(target: Path, durable: Boolean = false, write: (OutputStream) -> Unit) {
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
            if (durable) FileChannel.open(temporary, StandardOpenOption.WRITE).use { it.force(true) }
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

