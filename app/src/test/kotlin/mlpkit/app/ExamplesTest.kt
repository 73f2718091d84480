package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.dsl.spec.SpecJson
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
        // Not examples/spark/ (Files.list does not descend): those train on Spark, which this module's tests never
        // start; the spark module's SparkExamplesTest runs them.
        val files = Files.list(examples).use { s ->
            s.filter { it.toString().endsWith(".json") || it.toString().endsWith(".mlp.kts") }.sorted().toList()
        }
        assertTrue(files.any { it.toString().endsWith(".json") } && files.any { it.toString().endsWith(".mlp.kts") }, "examples in $examples")
        return files.map { file ->
            DynamicTest.dynamicTest(file.fileName.toString()) {
                val run = mlp("run", runnable(file).toString(), "--epochs", "2", "--out", dir.resolve(file.fileName.toString()).toString())
                assertEquals(0, run.exitCode, run.out + run.err)
                val spec = ExperimentLoader.load(file).spec
                val sweep = spec.sweep
                val cv = spec.validation
                if (cv != null) {
                    // A cross-validation prints one line per finished fold, then its table and directory.
                    assertEquals(cv.cv * cv.repeats, run.outLines.count { it.startsWith("finished fold ") }, run.out)
                    assertTrue(run.outLines.last().startsWith("run directory: "), run.out)
                } else if (sweep == null) {
                    assertEquals(2, run.outLines.count { it.startsWith("epoch ") }, run.out)
                    assertTrue(run.outLines.last().startsWith("run directory: "), run.out)
                } else {
                    // A sweep prints one line per finished variation, then its summary and directory.
                    assertEquals(sweep.variations.size, run.outLines.count { it.startsWith("finished ") }, run.out)
                    assertTrue(run.outLines.last().startsWith("sweep directory: "), run.out)
                }
            }
        }
    }

    /**
     * The example itself, or, when it trains on MNIST or Fashion-MNIST (E4), the same experiment on
     * [DigitImageSet]'s small MNIST-layout files: the dataset store accepts only the real sets, which a
     * test machine need not have. The script is still compiled and its spec used; only the source changes.
     */
    private fun runnable(file: Path): Path {
        val spec = ExperimentLoader.load(file).spec
        if (!DigitImageSet.readsStoredImageSet(spec)) return file
        val images = dir.resolve("digit-images")
        if (!Files.isDirectory(images)) DigitImageSet.writeInto(images)
        val substituted = dir.resolve(file.fileName.toString().removeSuffix(".mlp.kts").removeSuffix(".json") +
            (if (file.toString().endsWith(".json")) "-json" else "-script") + "-on-digit-images.json")
        Files.writeString(substituted, SpecJson.encode(DigitImageSet.substitutedInto(spec, images)))
        return substituted
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
