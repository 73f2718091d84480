package mlpkit.data.io

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.io.IOException
import java.nio.file.AccessDeniedException
import java.nio.file.FileSystemException
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.listDirectoryEntries

/** Every I/O error of a write names the path, the reason and what to do. */
class CannotWriteExceptionTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a write below a regular file names the target and the file in the way`() {
        val file = Files.writeString(dir.resolve("runs"), "not a directory")
        val target = file.resolve("r-1").resolve("model.json")
        val e = assertThrows<CannotWriteException> { writeAtomically(target) { it.write(1) } }
        assertEquals("$target: cannot write ($file is a file, not a directory): move that file away or write elsewhere", e.message)
        assertEquals("$target: cannot write ($file is a file, not a directory): move that file away or choose another --out", e.withElsewhere("choose another --out"))
        assertEquals(listOf(file), dir.listDirectoryEntries())
    }

    @Test
    fun `a write onto a directory is refused and the directory kept`() {
        val target = Files.createDirectory(dir.resolve("predictions.csv"))
        val e = assertThrows<CannotWriteException> { writeAtomically(target) { it.write(1) } }
        assertEquals("$target: cannot write (it is a directory): name a file inside it or write elsewhere", e.message)
        assertEquals(true, Files.isDirectory(target))
    }

    @Test
    fun `a full disk says to free space`() {
        val target = dir.resolve("model.json")
        val e = CannotWriteException.of(target, IOException("No space left on device"))
        assertEquals("$target: cannot write (No space left on device): free space or write elsewhere", e.message)
    }

    @Test
    fun `a permission or read-only problem says to make the place writable`() {
        val target = dir.resolve("model.json")
        assertEquals(
            "$target: cannot write (Permission denied): make it writable or write elsewhere",
            CannotWriteException.of(target, AccessDeniedException(target.toString())).message,
        )
        assertEquals(
            "$target: cannot write (Read-only file system): make it writable or write elsewhere",
            CannotWriteException.of(target, FileSystemException(target.toString(), null, "Read-only file system")).message,
        )
    }
}
