package mlpkit.app.script

import java.nio.file.Files
import java.nio.file.Path
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.baseClass
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.dependencies
import kotlin.script.experimental.api.fileExtension
import kotlin.script.experimental.jvmhost.createJvmCompilationConfigurationFromTemplate
import mlpkit.dsl.script.MlpScript
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.Expectation
import mlpkit.core.loss.SoftmaxCrossEntropy
import mlpkit.core.optim.Sgd
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/**
 * What a script turns into, and how each kind of broken script is reported. One host for the class:
 * the first compile in a JVM costs ~4 s, later ones about a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptHostTest {
    @TempDir
    lateinit var cacheDirectory: Path

    private val host by lazy { ScriptHost(cacheDirectory) }

    @Test
    fun `the host compiles with the configuration the script template describes`() {
        val fromTemplate = createJvmCompilationConfigurationFromTemplate<MlpScript>()
        for (key in listOf(
            ScriptCompilationConfiguration.baseClass,
            ScriptCompilationConfiguration.fileExtension,
            ScriptCompilationConfiguration.defaultImports,
            ScriptCompilationConfiguration.dependencies,
        )) {
            assertEquals(fromTemplate[key], host.compilationConfiguration[key], key.name)
        }
    }

    @Test
    fun `a script without imports evaluates to the experiment it ends with`() {
        val experiment = host.load(testScript("moons.mlp.kts"))
        val spec = experiment.spec
        assertEquals("moons", spec.name)
        assertEquals("network < dense(10, relu, weights=heNormal); dense(2, softmax) >", spec.network.notation())
        assertEquals(SoftmaxCrossEntropy(), spec.training.loss)
        assertEquals(Sgd.CONCEPT.create(mapOf("lr" to 0.5)), spec.training.optimizer)
        assertEquals(300, spec.training.epochs)
        assertEquals(BatchSizeSpec.Full, spec.training.batchSize)
        assertEquals(listOf(Expectation("train_accuracy", atLeast = 0.97)), spec.expect)
    }

    @Test
    fun `a script may use ordinary Kotlin, values, loops and hooks`() {
        val experiment = host.load(testScript("sweep.mlp.kts"))
        assertEquals("width sweep", experiment.spec.name)
        assertEquals(listOf("h=4", "h=8", "h=16"), experiment.spec.sweep!!.variations.map { it.name })
        assertEquals(1, experiment.hooks.size)
    }

    @Test
    fun `a syntax error is reported as FILE-line-col-error at its place`() {
        val script = testScript("syntax-error.mlp.kts")
        val error = assertThrows<ScriptException> { host.load(script) }
        assertTrue(error.lines.isNotEmpty())
        error.lines.forEach { assertTrue(it.startsWith("$script:") && ": error: " in it, it) }
        // `network { dense(10, relu) dense(2, softmax) }`: the second call, line 3, column 31.
        assertTrue(error.lines.first().startsWith("$script:3:31: error: "), error.message)
        assertEquals(error.lines.joinToString("\n"), error.message)
    }

    @Test
    fun `an unresolved name is reported at its line and column`() {
        val script = testScript("unresolved-name.mlp.kts")
        val error = assertThrows<ScriptException> { host.load(script) }
        assertEquals(1, error.lines.size, error.message)
        val line = error.lines.single()
        assertTrue(line.startsWith("$script:3:25: error: "), line)
        assertTrue("rleu" in line, line)
    }

    @Test
    fun `an exception thrown by the script is one line without a stack trace`() {
        val script = testScript("throws.mlp.kts")
        val error = assertThrows<ScriptException> { host.load(script) }
        assertEquals(listOf("$script: error: dense: units must be a whole number ≥ 1, got 0; e.g. dense(10, relu)"), error.lines)
    }

    @Test
    fun `an exception that is not a DSL check keeps its type`(@TempDir directory: Path) {
        val script = directory.resolve("divides.mlp.kts")
        Files.writeString(script, "val zero = 0\nexperiment(\"x\") { training { epochs = 10 / zero } }\n")
        val error = assertThrows<ScriptException> { host.load(script) }
        assertEquals(listOf("$script: error: ArithmeticException: / by zero"), error.lines)
    }

    @Test
    fun `a script that ends with something else than an experiment says what it got`() {
        val script = testScript("ends-with-network.mlp.kts")
        val error = assertThrows<ScriptException> { host.load(script) }
        assertEquals(
            listOf("$script: error: the script must end with an experiment(\"name\") { … } expression, got mlpkit.core.network.NetworkSpec"),
            error.lines,
        )
    }

    @Test
    fun `a script that ends with a declaration has no value`() {
        val script = testScript("ends-with-declaration.mlp.kts")
        val error = assertThrows<ScriptException> { host.load(script) }
        assertEquals(
            listOf("$script: error: the script must end with an experiment(\"name\") { … } expression, got Unit (the last statement has no value)"),
            error.lines,
        )
    }

    @Test
    fun `a missing file is a one-line error`(@TempDir directory: Path) {
        val script = directory.resolve("absent.mlp.kts")
        val error = assertThrows<ScriptException> { host.load(script) }
        assertEquals(listOf("$script: error: no such file"), error.lines)
    }

    @Test
    fun `warnings go to the warning callback only`(@TempDir directory: Path) {
        val script = directory.resolve("warns.mlp.kts")
        Files.writeString(
            script,
            """
            @Deprecated("say epochs = 10") fun legacyEpochs() = 10
            experiment("warns") {
                data { moons(samples = 100) }
                network { dense(2, softmax) }
                training { epochs = legacyEpochs(); loss = softmaxCrossEntropy }
            }
            """.trimIndent(),
        )
        val warnings = mutableListOf<String>()
        val experiment = ScriptHost(cacheDirectory = null, onWarning = { warnings += it }).load(script)
        assertEquals("warns", experiment.spec.name)
        assertEquals(1, warnings.size, warnings.toString())
        assertTrue(warnings.single().startsWith("$script:5:25: warning: "), warnings.single())
        assertTrue("deprecated" in warnings.single(), warnings.single())
    }
}
