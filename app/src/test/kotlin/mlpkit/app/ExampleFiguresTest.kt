package mlpkit.app

import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.io.TempDir

/**
 * The article experiments that run in seconds reach the figures in their `expect` blocks, run exactly as
 * a user would: `mlp verify examples/<file>.json` for the whole number of epochs (a few seconds each).
 * The script forms describe the same experiments (ExamplesTest), so checking the JSON form is enough.
 * E4 (MNIST, Fashion-MNIST) takes minutes and its data: see E4ReproductionTest (tagged long) and
 * E4ReducedTest.
 */
class ExampleFiguresTest {
    @TempDir
    lateinit var dir: Path

    private val examples: Path = Path.of("..", "examples").toAbsolutePath().normalize()

    @TestFactory
    fun `the quick article examples reach their expected figures with mlp verify`(): List<DynamicTest> =
        listOf("e0", "e1", "e1-bce", "moons", "e3", "e3-logreg", "iris", "breast-cancer", "diabetes-regression", "penguins").map { name ->
            DynamicTest.dynamicTest(name) {
                val file = examples.resolve("$name.json")
                assertTrue(ExperimentLoader.load(file).spec.expect.isNotEmpty(), "$file has an expect block")
                // verify's contract: exit status 0 only when every expectation is met (1 when one is not).
                val run = mlp("verify", file.toString(), "--quiet", "--out", dir.resolve(name).toString())
                assertEquals(0, run.exitCode, run.out + run.err)
            }
        }
}
