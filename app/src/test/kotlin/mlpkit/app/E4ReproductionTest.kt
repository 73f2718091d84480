package mlpkit.app

import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.io.TempDir

/**
 * Article 004 (E4) in full on the real MNIST and Fashion-MNIST: 200 epochs each, several minutes per
 * example. Tagged long, so it runs only with `mvn -B verify -Plong-tests`, and it needs the data sets on
 * this machine (scripts/install-datasets.sh, or `./mlp data fetch mnist` and `./mlp data fetch fashion-mnist`
 * when online); without them the store's message says where it looked. The same check by hand:
 * `./mlp verify examples/e4-mnist.json` (and e4-fashion.json).
 */
@Tag("long")
class E4ReproductionTest {
    @TempDir
    lateinit var dir: Path

    private val examples: Path = Path.of("..", "examples").toAbsolutePath().normalize()

    @TestFactory
    fun `the E4 examples reach their expected figures on the real data sets`(): List<DynamicTest> =
        listOf("e4-mnist", "e4-mnist-shift", "e4-fashion").map { name ->
            DynamicTest.dynamicTest(name) {
                val run = mlp("verify", examples.resolve("$name.json").toString(), "--quiet", "--out", dir.resolve(name).toString())
                assertEquals(0, run.exitCode, run.out + run.err)
            }
        }
}
