package mlpkit.app.script

import java.io.IOException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import java.nio.file.Paths
import kotlin.script.experimental.api.EvaluationResult
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.ScriptEvaluationConfiguration
import kotlin.script.experimental.api.SourceCode
import kotlin.script.experimental.api.baseClass
import kotlin.script.experimental.api.fileExtension
import kotlin.script.experimental.api.hostConfiguration
import kotlin.script.experimental.host.ScriptingHostConfiguration
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.baseClassLoader
import kotlin.script.experimental.jvm.compilationCache
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvm.loadDependencies
import kotlin.script.experimental.jvmhost.BasicJvmScriptingHost
import mlpkit.dsl.Experiment
import mlpkit.dsl.script.MlpScript
import mlpkit.dsl.script.MlpScriptCompilationConfiguration

/**
 * Turns an experiment script (`*.mlp.kts`, see [MlpScript]) into the [Experiment] it ends with.
 *
 * Compiling costs ~4 s in a fresh JVM (the embedded Kotlin compiler), so compiled scripts are kept as
 * jars in [cacheDirectory] (see [CompiledScriptCache]); an unchanged script then loads in a fraction
 * of a second. `cacheDirectory = null` compiles every time.
 *
 * Every problem with the script is a [ScriptException] whose lines name the file as given:
 * `FILE:line:col: error: message` for each compile error, `FILE: error: message` for an exception the
 * script throws (no stack trace: the DSL's messages say what is wrong) and for a script that does not
 * end with an experiment. Compiler warnings go to [onWarning] as `FILE:line:col: warning: message`
 * (ignored by default); a script loaded from the cache is not compiled and so reports none.
 *
 * One instance is meant to be reused (the compiler it starts stays warm); loads are serialised,
 * because the embedded compiler is not documented as thread-safe.
 */
class ScriptHost(
    val cacheDirectory: Path? = defaultCacheDirectory(),
    private val onWarning: (String) -> Unit = {},
) {
    private val cache: CompiledScriptCache? = cacheDirectory?.let { CompiledScriptCache(it, CodeIdentity.fingerprint()) }

    private val hostConfiguration = ScriptingHostConfiguration {
        jvm {
            // The script's classes must come from the loader that loaded this class: a script that
            // returned an Experiment from another loader would not be an Experiment here.
            baseClassLoader(ScriptHost::class.java.classLoader)
            cache?.let { compilationCache(it) }
        }
    }

    private val scriptingHost = BasicJvmScriptingHost(hostConfiguration)

    /**
     * What `createJvmCompilationConfigurationFromTemplate<MlpScript>()` gives, built directly: that
     * function reads @KotlinScript through kotlin-reflect, which costs 0.3–0.7 s per JVM, paid on
     * every run, also when the compiled script then comes from the cache. A test compares the two.
     */
    internal val compilationConfiguration = ScriptCompilationConfiguration(MlpScriptCompilationConfiguration) {
        baseClass(MlpScript::class)
        fileExtension(MlpScript.FILE_EXTENSION)
        hostConfiguration(this@ScriptHost.hostConfiguration)
    }

    private val evaluationConfiguration = ScriptEvaluationConfiguration {
        jvm {
            baseClassLoader(ScriptHost::class.java.classLoader)
            // The whole classpath is already in the base loader: a second loader over the same jars
            // would only cost time (and, parent-first, never be asked).
            loadDependencies(false)
        }
    }

    private var compilations = 0

    /**
     * How many scripts this host has compiled rather than taken from the cache (a compile that fails
     * counts too). For tests and timing output.
     */
    val compilationCount: Int @Synchronized get() = compilations

    /** The experiment [path] ends with; throws [ScriptException] for anything wrong with the script. */
    @Synchronized
    fun load(path: Path): Experiment {
        val file = path.toString()
        val source = readSource(path, file)
        val missesBefore = cache?.missCount ?: 0
        val result = scriptingHost.eval(source, compilationConfiguration, evaluationConfiguration)
        // Without a cache every load compiles; with one, a compile is exactly a cache miss.
        compilations += cache?.let { it.missCount - missesBefore } ?: 1
        result.reports.filter { it.isWarning }.forEach { onWarning(it.render(file)) }
        return when (result) {
            is ResultWithDiagnostics.Failure -> throw ScriptException(errorLines(result, file))
            is ResultWithDiagnostics.Success -> experimentFrom(result.value, file)
        }
    }

    /**
     * The script's text under its file name: the name becomes the script's class name, and the text
     * read here is exactly what is both hashed for the cache and compiled.
     */
    private fun readSource(path: Path, file: String): SourceCode {
        val text = try {
            Files.readString(path)
        } catch (_: NoSuchFileException) {
            throw ScriptException("$file: error: no such file")
        } catch (e: IOException) {
            // e.g. MalformedInputException for a file that is not UTF-8, AccessDeniedException
            throw ScriptException("$file: error: cannot read the script (${e.javaClass.simpleName}${e.message?.let { ": $it" }.orEmpty()})")
        }
        return text.toScriptSource(path.fileName.toString())
    }

    private fun errorLines(failure: ResultWithDiagnostics.Failure, file: String): List<String> =
        failure.reports.filter { it.isError }.map { it.render(file) }
            .ifEmpty { listOf("$file: error: the script could not be compiled (the compiler gave no reason)") }

    private fun experimentFrom(evaluation: EvaluationResult, file: String): Experiment =
        when (val value = evaluation.returnValue) {
            is ResultValue.Value -> value.value as? Experiment ?: throw notAnExperiment(file, value.type)
            is ResultValue.Unit -> throw notAnExperiment(file, "Unit (the last statement has no value)")
            is ResultValue.Error -> throw ScriptException("$file: error: ${describe(value.error)}")
            ResultValue.NotEvaluated -> throw ScriptException("$file: error: the script was not evaluated")
        }

    private fun notAnExperiment(file: String, type: String) =
        ScriptException("$file: error: the script must end with an experiment(\"name\") { … } expression, got $type")

    /**
     * An exception thrown by the script as a message: the DSL's own checks (`require`, `check`,
     * IllegalArgumentException from core) have self-sufficient messages; anything else keeps its
     * type, since "/ by zero" or a null message alone say too little.
     */
    private fun describe(error: Throwable): String {
        val message = error.message
        val selfExplaining = error is IllegalArgumentException || error is IllegalStateException
        return if (selfExplaining && message != null) message else listOfNotNull(error.javaClass.simpleName, message).joinToString(": ")
    }

    companion object {
        /** `$XDG_CACHE_HOME/mlpkit/scripts`, or `~/.cache/mlpkit/scripts` when that is not set. */
        fun defaultCacheDirectory(): Path {
            val xdg = System.getenv("XDG_CACHE_HOME")?.takeIf { it.isNotBlank() }
            val base = if (xdg != null) Paths.get(xdg) else Paths.get(System.getProperty("user.home"), ".cache")
            return base.resolve("mlpkit").resolve("scripts")
        }
    }
}
