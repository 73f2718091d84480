package mlpkit.app.script

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.security.MessageDigest
import java.util.concurrent.atomic.AtomicInteger
import mlpkit.data.io.TemporaryFiles
import kotlin.io.path.exists
import kotlin.script.experimental.api.CompiledScript
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.SourceCode
import kotlin.script.experimental.jvm.CompiledJvmScriptsCache
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript
import kotlin.script.experimental.jvmhost.loadScriptFromJar
import kotlin.script.experimental.jvmhost.saveToJar

/**
 * Compiled scripts as jars in [directory], one per script, named by a SHA-256 of the script's name and
 * text and of the code it was compiled against ([codeFingerprint], see [CodeIdentity]). Editing the
 * script, rebuilding mlp or changing Java gives another name, so a stale jar is never served; the
 * old ones stay until someone deletes the directory (they are a few kB each).
 *
 * Unlike the scripting library's own `CompiledScriptJarsCache`, which writes the jar in place, a jar is
 * written to a temporary file and renamed over its final name, so a concurrent `mlp` sees either no
 * jar or a complete one, never a half-written one. Two processes compiling the same script both
 * rename their (equivalent) jars; the last one wins.
 *
 * The cache is an optimisation only: a jar that cannot be read is a miss, and a jar that cannot be
 * written (read-only home, full disk) is skipped; neither fails the run.
 */
internal class CompiledScriptCache(
    private val directory: Path,
    private val codeFingerprint: String,
) : CompiledJvmScriptsCache {
    private val misses = AtomicInteger()

    /** How many lookups found no usable jar, i.e. how many times the host had to compile. */
    val missCount: Int get() = misses.get()

    override fun get(script: SourceCode, scriptCompilationConfiguration: ScriptCompilationConfiguration): CompiledScript? {
        val jar = jarFor(script)
        val loaded = if (jar.exists()) readOrNull(jar) else null
        if (loaded == null) misses.incrementAndGet()
        return loaded
    }

    override fun store(compiledScript: CompiledScript, script: SourceCode, scriptCompilationConfiguration: ScriptCompilationConfiguration) {
        val compiled = compiledScript as? KJvmCompiledScript ?: return
        val jar = jarFor(script)
        var temporary: Path? = null
        try {
            Files.createDirectories(directory)
            temporary = TemporaryFiles.create(jar)
            compiled.saveToJar(temporary.toFile())
            Files.move(temporary, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
        } catch (_: Exception) {
            // Not cached this time (I/O error, or a file system without atomic rename, where no cache
            // is better than a torn jar); the next run compiles again.
        } finally {
            temporary?.let { runCatching { TemporaryFiles.release(it) } }
        }
    }

    /** The jar [script] is (or would be) cached in. */
    fun jarFor(script: SourceCode): Path {
        val digest = MessageDigest.getInstance("SHA-256")
        // Lengths first, so that no two different (name, text, fingerprint) triples concatenate alike.
        for (part in listOf(script.name.orEmpty(), script.text, codeFingerprint)) {
            val bytes = part.toByteArray(Charsets.UTF_8)
            digest.update("${bytes.size}:".toByteArray())
            digest.update(bytes)
        }
        return directory.resolve(digest.digest().toHex() + ".jar")
    }

    /**
     * The compiled script in [jar], or null when it cannot be used. Only the manifest is read here;
     * the script class is loaded at evaluation time. The classpath the manifest lists is not checked
     * (by default one missing entry, say a nonexistent `-cp` element, would turn every lookup into a
     * miss): the key already pins the code, and the host evaluates with its own class loader.
     */
    private fun readOrNull(jar: Path): CompiledScript? = try {
        jar.toFile().loadScriptFromJar(checkMissingDependencies = false)
    } catch (_: Exception) {
        null // unreadable or not a jar: compile again, and store() replaces it atomically
    }
}
