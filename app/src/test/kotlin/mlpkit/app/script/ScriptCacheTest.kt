package mlpkit.app.script

import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import kotlin.io.path.readText
import kotlin.io.path.writeText
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The compiled-script cache: an unchanged script is not compiled again, also by a new host (as in a
 * new `mlp` process); an edited one is; a broken cache entry is replaced. Times are printed, and only
 * loosely asserted, because this machine is shared.
 */
class ScriptCacheTest {
    @TempDir
    lateinit var directory: Path

    private val cacheDirectory: Path get() = directory.resolve("cache")

    private fun script(): Path {
        val script = directory.resolve("moons.mlp.kts")
        Files.copy(testScript("moons.mlp.kts"), script)
        return script
    }

    @Test
    fun `an unchanged script loads from the cache without compiling, an edited one is compiled again`() {
        val script = script()
        val host = ScriptHost(cacheDirectory)

        val (first, coldMillis) = timed { host.load(script) }
        assertEquals(1, host.compilationCount)
        assertEquals(1, jars().size)

        val (second, cachedMillis) = timed { host.load(script) }
        assertEquals(1, host.compilationCount, "the second load must come from the cache")
        assertEquals(first.spec, second.spec)

        // A new host shares nothing in memory with the first: what a second `mlp run` would see.
        val freshHost = ScriptHost(cacheDirectory)
        val (third, freshHostMillis) = timed { freshHost.load(script) }
        assertEquals(0, freshHost.compilationCount, "a new host must find the compiled script on disk")
        assertEquals(first.spec, third.spec)

        script.writeText(script.readText().replace("epochs = 300", "epochs = 20"))
        val (edited, editedMillis) = timed { freshHost.load(script) }
        assertEquals(1, freshHost.compilationCount, "an edited script must be compiled again")
        assertEquals(20, edited.spec.training.epochs)
        assertEquals(2, jars().size)

        println("script load: cold $coldMillis ms, cached $cachedMillis ms, cached by a new host $freshHostMillis ms, edited $editedMillis ms")
        assertTrue(cachedMillis < 1000 && freshHostMillis < 1000, "cached loads took $cachedMillis / $freshHostMillis ms")
    }

    @Test
    fun `a broken cache entry is compiled again and replaced, and no temporary file is left`() {
        val script = script()
        ScriptHost(cacheDirectory).load(script)
        val jar = jars().single()
        Files.writeString(jar, "not a jar") // e.g. a disk that filled up under another tool

        val host = ScriptHost(cacheDirectory)
        assertEquals("moons", host.load(script).spec.name)
        assertEquals(1, host.compilationCount)
        assertEquals(listOf(jar), jars())

        val again = ScriptHost(cacheDirectory)
        again.load(script)
        assertEquals(0, again.compilationCount, "the replaced jar must be usable")
        assertEquals(listOf(jar), cacheDirectory.listDirectoryEntries(), "only finished jars in the cache directory")
    }

    @Test
    fun `a failed compile is not cached`() {
        val script = directory.resolve("typo.mlp.kts")
        Files.copy(testScript("unresolved-name.mlp.kts"), script)
        val host = ScriptHost(cacheDirectory)
        repeat(2) { runCatching { host.load(script) } }
        assertEquals(2, host.compilationCount)
        assertEquals(emptyList<Path>(), jars())
    }

    private fun jars(): List<Path> =
        if (Files.isDirectory(cacheDirectory)) cacheDirectory.listDirectoryEntries().filter { it.name.endsWith(".jar") } else emptyList()

    private fun <T> timed(block: () -> T): Pair<T, Long> {
        val started = System.nanoTime()
        val value = block()
        return value to (System.nanoTime() - started) / 1_000_000
    }
}
