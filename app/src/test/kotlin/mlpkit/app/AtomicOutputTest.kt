package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class AtomicOutputTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a finished write replaces the file and leaves no temporary file behind`() {
        val target = dir.resolve("out.csv")
        Files.writeString(target, "old\n")
        writeAtomically(target) { it.write("new\n") }
        assertEquals("new\n", Files.readString(target))
        assertEquals(listOf("out.csv"), Files.list(dir).use { s -> s.map { it.fileName.toString() }.toList() })
    }

    @Test
    fun `a write that fails half way keeps the old file and leaves nothing else`() {
        val target = dir.resolve("out.csv")
        Files.writeString(target, "old\n")
        assertThrows(IllegalStateException::class.java) {
            writeAtomically(target) {
                it.write("half of the new ")
                throw IllegalStateException("bad row 17")
            }
        }
        assertEquals("old\n", Files.readString(target))
        assertEquals(listOf("out.csv"), Files.list(dir).use { s -> s.map { it.fileName.toString() }.toList() })
    }

    @Test
    fun `a missing directory is reported with what to do`() {
        val e = assertThrows(InvalidInput::class.java) { writeAtomically(dir.resolve("no/such/out.csv")) { } }
        assertEquals("mlp: cannot write ${dir.resolve("no/such/out.csv")}: the directory ${dir.resolve("no/such")} " +
            "does not exist (create it first)", e.message)
    }
}
