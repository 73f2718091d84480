package mlpkit.data.io

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import kotlin.io.path.readText

/**
 * Temporary files are created beside their target under a name carrying the PID, removed when a write
 * fails, removed by the shutdown hook when the process gets SIGTERM, and, after a SIGKILL, removed by
 * the next write into their directory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TemporaryFilesTest {
    @TempDir
    lateinit var dir: Path

    private val pid = ProcessHandle.current().pid()

    @Test
    fun `a temporary is created beside its target and named after the target and this process`() {
        val temporary = TemporaryFiles.create(dir.resolve("model.json"))
        try {
            assertEquals(dir.toAbsolutePath(), temporary.parent)
            assertTrue(Regex("""\.model\.json\.$pid-\d+\.part""").matches(temporary.name), temporary.name)
            assertEquals(pid, TemporaryFiles.ownerOf(temporary.name))
            assertTrue(temporary in TemporaryFiles.live())
        } finally {
            TemporaryFiles.release(temporary)
        }
        assertFalse(Files.exists(temporary))
        assertFalse(temporary in TemporaryFiles.live())
    }

    @Test
    fun `names that are not temporaries have no owner`() {
        assertNull(TemporaryFiles.ownerOf("model.json"))
        assertNull(TemporaryFiles.ownerOf(".model.json.part"))
        assertNull(TemporaryFiles.ownerOf(".model.json.12x-3.part"))
        assertEquals(4242L, TemporaryFiles.ownerOf(TemporaryFiles.nameFor("history.csv", 4242, 7)))
    }

    @Test
    fun `a write that fails leaves neither the target nor a temporary`() {
        val target = dir.resolve("out.csv")
        assertThrows<IllegalStateException> {
            writeAtomically(target) { it.write(1); throw IllegalStateException("generator failed") }
        }
        assertEquals(emptyList<Path>(), dir.listDirectoryEntries())
        assertTrue(TemporaryFiles.live().none { it.parent == dir.toAbsolutePath() })
    }

    @Test
    fun `a write removes the temporaries of dead processes in its directory and keeps those of live ones`() {
        val dead = deadPid()
        val stale = Files.writeString(dir.resolve(TemporaryFiles.nameFor("data.csv", dead, 1)), "80 MB, once")
        val ofLiveProcess = Files.writeString(dir.resolve(TemporaryFiles.nameFor("data.csv", 1, 1)), "pid 1 is alive")
        val unrelated = Files.writeString(dir.resolve(".notes.part"), "not ours")

        writeAtomically(dir.resolve("data.csv")) { it.write("x0,label\n".toByteArray()) }

        assertFalse(Files.exists(stale))
        assertTrue(Files.exists(ofLiveProcess))
        assertTrue(Files.exists(unrelated))
        assertEquals("x0,label\n", dir.resolve("data.csv").readText())
    }

    @Test
    fun `kill -9 during a write leaves a temporary, and the next write into that directory removes it`() {
        val target = dir.resolve("big.csv")
        val child = startSlowWriter(target)
        val temporary = try {
            awaitTemporary(child)
        } finally {
            child.destroyForcibly() // SIGKILL: no shutdown hook runs
            child.waitFor(30, TimeUnit.SECONDS)
        }
        assertTrue(Files.exists(temporary), "a SIGKILL leaves the temporary behind")
        assertEquals(child.pid(), TemporaryFiles.ownerOf(temporary.name))
        assertFalse(Files.exists(target))

        writeAtomically(dir.resolve("other.csv")) { it.write("1\n".toByteArray()) }

        assertEquals(listOf("other.csv"), dir.listDirectoryEntries().map { it.name })
    }

    @Test
    fun `SIGTERM during a write removes the temporary before the process ends`() {
        val target = dir.resolve("big.csv")
        val child = startSlowWriter(target)
        try {
            awaitTemporary(child)
            child.destroy() // SIGTERM: the JVM runs its shutdown hooks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS))
        } finally {
            child.destroyForcibly()
        }
        assertEquals(143, child.exitValue())
        assertEquals(emptyList<Path>(), dir.listDirectoryEntries())
    }

    private fun startSlowWriter(target: Path): Process = ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SlowWriter::class.java.name, target.toString(),
    ).redirectErrorStream(true).redirectOutput(dir.resolveSibling("${dir.name}-child.log").toFile()).start()

    /** The child's temporary once it has written into it. */
    private fun awaitTemporary(child: Process): Path {
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (System.nanoTime() < deadline) {
            val temporary = dir.listDirectoryEntries().firstOrNull { TemporaryFiles.ownerOf(it.name) == child.pid() }
            if (temporary != null && Files.size(temporary) > 0) return temporary
            assertTrue(child.isAlive, "the writer ended early")
            Thread.sleep(20)
        }
        throw AssertionError("the writer created no temporary within 30 s")
    }

    /** A process id that no running process has: that of a child that has ended. */
    private fun deadPid(): Long {
        val child = ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        child.waitFor(30, TimeUnit.SECONDS)
        return child.pid().also { assertFalse(ProcessHandle.of(it).isPresent) }
    }
}
