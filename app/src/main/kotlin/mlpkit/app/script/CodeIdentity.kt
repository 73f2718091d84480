package mlpkit.app.script

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.security.MessageDigest
import kotlin.io.path.isDirectory
import kotlin.io.path.isRegularFile

/**
 * A fingerprint of the code a compiled script was compiled against and links to: the path, mtime and
 * size of the jar (or class directory) each of [anchors] was loaded from. When mlp.jar is rebuilt,
 * or a class directory changes in a development build, the fingerprint changes, so compiled scripts
 * from the old code are never reused (a stale one could fail with NoSuchMethodError or, worse, run
 * old DSL semantics).
 *
 * In the shaded mlp.jar every anchor comes from the one jar, so this costs one stat call. In a
 * development build the anchors live in target/classes directories, whose own mtime does not change
 * when a nested file does, so every file under them is stat'ed (a few hundred files, milliseconds).
 */
internal object CodeIdentity {
    /**
     * One class per module whose code a script compiles against: the DSL, core (activations and
     * initialisers), the Kotlin standard library and the scripting host (it brings the compiler,
     * whose version decides the bytecode).
     */
    private val anchors: List<Class<*>> = listOf(
        mlpkit.dsl.script.MlpScript::class.java,
        mlpkit.core.activation.Activation::class.java,
        KotlinVersion::class.java,
        kotlin.script.experimental.jvmhost.BasicJvmScriptingHost::class.java,
    )

    /** The fingerprint as text, to be hashed into cache keys together with the script. */
    fun fingerprint(): String = buildString {
        // The compiled classes target the running JVM; another Java version must not reuse them.
        append("java ").append(System.getProperty("java.version")).append('\n')
        for (location in anchors.map(::codeSourceOf).distinct()) {
            append(location).append('\n')
            append(describe(location)).append('\n')
        }
    }

    private fun codeSourceOf(anchor: Class<*>): Path {
        val url = anchor.protectionDomain?.codeSource?.location
            ?: throw IllegalStateException("cannot tell where ${anchor.name} was loaded from")
        return Paths.get(url.toURI()).toAbsolutePath().normalize()
    }

    private fun describe(location: Path): String = when {
        location.isRegularFile() -> stat(location)
        location.isDirectory() -> digestOfTree(location)
        else -> "missing"
    }

    private fun stat(file: Path): String = "${Files.getLastModifiedTime(file).toMillis()} ${Files.size(file)}"

    private fun digestOfTree(root: Path): String {
        val digest = MessageDigest.getInstance("SHA-256")
        Files.walk(root).use { paths ->
            paths.filter { it.isRegularFile() }.sorted().forEach { file ->
                digest.update("${root.relativize(file)} ${stat(file)}\n".toByteArray())
            }
        }
        return digest.digest().toHex()
    }
}

internal fun ByteArray.toHex(): String = joinToString("") { "%02x".format(it) }
