package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.app.script.testScript
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The Kotlin shown in README.md is code that runs: the 30-second example as a script, and the own-concepts script verbatim. */
class ReadmeScriptsTest {
    @TempDir
    lateinit var dir: Path

    private val readme = Files.readString(Path.of("../README.md"))

    private fun kotlinBlockContaining(marker: String): String =
        Regex("```kotlin\n(.*?)```\n", RegexOption.DOT_MATCHES_ALL).findAll(readme).map { it.groupValues[1] }
            .single { marker in it }

    @Test
    fun `the README's 30-second example is a script that trains the moons to its expectation`() {
        val script = dir.resolve("moons.mlp.kts")
        Files.writeString(script, kotlinBlockContaining("experiment(\"moons\")"))
        val run = mlp("verify", script.toString(), "--quiet", "--no-report", "--out", dir.resolve("run").toString())
        assertEquals(0, run.exitCode, run.out + run.err)
        assertTrue(run.out.contains("train_accuracy"), run.out)
        assertTrue(run.out.contains("pass"), run.out)
    }

    @Test
    fun `the README's own-concepts example is the script OwnConceptsTest runs`() {
        assertEquals(Files.readString(testScript("own-concepts.mlp.kts")), kotlinBlockContaining("val swish2"))
    }
}
