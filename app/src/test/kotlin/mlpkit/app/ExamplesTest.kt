package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.io.TempDir

/** Every experiment shipped in examples/ (JSON and script) loads, checks and runs for two epochs. */
class ExamplesTest {
    @TempDir
    lateinit var dir: Path

    private val examples: Path = Path.of("..", "examples").toAbsolutePath().normalize()

    @TestFactory
    fun `every shipped example loads and runs for two epochs`(): List<DynamicTest> {
        val files = Files.list(examples).use { s ->
            s.filter { it.toString().endsWith(".json") || it.toString().endsWith(".mlp.kts") }.sorted().toList()
        }
        assertTrue(files.any { it.toString().endsWith(".json") } && files.any { it.toString().endsWith(".mlp.kts") }, "examples in $examples")
        return files.map { file ->
            DynamicTest.dynamicTest(file.fileName.toString()) {
                val run = mlp("run", file.toString(), "--epochs", "2", "--out", dir.resolve(file.fileName.toString()).toString())
                assertEquals(0, run.exitCode, run.out + run.err)
                assertEquals(2, run.outLines.count { it.startsWith("epoch ") }, run.out)
                assertTrue(run.outLines.last().startsWith("run directory: "), run.out)
            }
        }
    }

    @TestFactory
    fun `the JSON and script forms of an example are the same experiment`(): List<DynamicTest> {
        val pairs = Files.list(examples).use { s -> s.filter { it.toString().endsWith(".json") }.sorted().toList() }
            .map { it to it.resolveSibling(it.fileName.toString().removeSuffix(".json") + ".mlp.kts") }
            .filter { Files.isRegularFile(it.second) }
        return pairs.map { (json, script) ->
            DynamicTest.dynamicTest(json.fileName.toString()) {
                assertEquals(ExperimentLoader.load(json).spec, ExperimentLoader.load(script).spec)
            }
        }
    }
}
