package mlpkit.dsl.script

import java.io.File
import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.dependencies
import kotlin.script.experimental.jvm.JvmDependency
import mlpkit.dsl.Experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The definition alone (compiling a script needs the host, which lives in app: see ScriptHostTest).
 */
class MlpScriptDefinitionTest {
    @Test
    fun `the definition is for mlp-kts files and names its configuration`() {
        val annotation = MlpScript::class.java.getAnnotation(KotlinScript::class.java)
        assertNotNull(annotation)
        assertEquals("mlp.kts", annotation.fileExtension)
        assertEquals(MlpScriptCompilationConfiguration::class, annotation.compilationConfiguration)
    }

    @Test
    fun `scripts import the DSL by default`() {
        assertEquals(listOf("mlpkit.dsl.*"), MlpScriptCompilationConfiguration[ScriptCompilationConfiguration.defaultImports])
    }

    @Test
    fun `scripts compile against the whole classpath, which holds the DSL and core`() {
        val classpath = MlpScriptCompilationConfiguration[ScriptCompilationConfiguration.dependencies].orEmpty()
            .filterIsInstance<JvmDependency>().flatMap { it.classpath }
        assertTrue(codeSourceOf(Experiment::class.java) in classpath, "DSL classes missing from $classpath")
        assertTrue(codeSourceOf(mlpkit.core.activation.Activation::class.java) in classpath, "core classes missing from $classpath")
    }

    @Test
    fun `the IDE finds the definition through its marker file`() {
        assertNotNull(javaClass.getResource("/META-INF/kotlin/script/templates/${MlpScript::class.java.name}"))
    }

    private fun codeSourceOf(type: Class<*>): File = File(type.protectionDomain.codeSource.location.toURI()).canonicalFile
}
