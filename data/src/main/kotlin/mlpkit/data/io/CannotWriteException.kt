package mlpkit.data.io

import java.io.IOException
import java.nio.file.AccessDeniedException
import java.nio.file.FileAlreadyExistsException
import java.nio.file.FileSystemException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path

/**
 * [path] could not be written (or a directory for it created), for [reason] in the words of the
 * operating system (`No space left on device`, `Permission denied`, `/data/out is a file, not a
 * directory`); [remedy] is what the user can do about it. The message names all three, so that an
 * I/O error never reaches the user without the path it is about:
 * `/data/out/model.json: cannot write (No space left on device): free space or write elsewhere`.
 * Callers that know the option choosing the place (`--out`) say so with [withElsewhere].
 */
class CannotWriteException(
    val path: Path,
    val reason: String,
    val remedy: String,
    cause: Throwable? = null,
) : IOException("$path: cannot write ($reason): $remedy or $DEFAULT_ELSEWHERE", cause) {

    /** The message with [elsewhere] (e.g. `choose another --out`) as the alternative to [remedy]. */
    fun withElsewhere(elsewhere: String): String = "$path: cannot write ($reason): $remedy or $elsewhere"

    companion object {
        private const val DEFAULT_ELSEWHERE = "write elsewhere"

        /**
         * What [error], thrown while writing [path], means for the user. An error that is already a
         * [CannotWriteException] is returned as it is.
         */
        @JvmStatic
        fun of(path: Path, error: IOException): CannotWriteException {
            if (error is CannotWriteException) return error
            val fileInTheWay = (error as? FileAlreadyExistsException)?.file?.let(Path::of)
                ?: blockingFile(path)?.takeIf { error is NoSuchFileException || error.isNotADirectory() }
            if (fileInTheWay != null) {
                return CannotWriteException(path, "$fileInTheWay is a file, not a directory", "move that file away", error)
            }
            val reason = when (error) {
                is AccessDeniedException -> "Permission denied"
                is NoSuchFileException -> "No such file or directory: ${error.file}"
                is FileSystemException -> error.reason ?: error.javaClass.simpleName
                else -> error.message ?: error.javaClass.simpleName
            }
            val remedy = when {
                reason.contains("No space left", ignoreCase = true) || reason.contains("quota", ignoreCase = true) -> "free space"
                reason.contains("Read-only", ignoreCase = true) || error is AccessDeniedException || reason.contains("Permission denied", ignoreCase = true) ->
                    "make it writable"
                else -> "check the path"
            }
            return CannotWriteException(path, reason, remedy, error)
        }

        private fun IOException.isNotADirectory() = (this as? FileSystemException)?.reason?.contains("Not a directory") == true

        /** The nearest existing ancestor of [path] when it is a regular file (so nothing below it can be written). */
        private fun blockingFile(path: Path): Path? {
            var ancestor = path.toAbsolutePath().parent
            while (ancestor != null && !Files.exists(ancestor)) ancestor = ancestor.parent
            return ancestor?.takeIf { Files.isRegularFile(it) }
        }
    }
}
