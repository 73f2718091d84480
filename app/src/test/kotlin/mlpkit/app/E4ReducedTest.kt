package mlpkit.app

import java.nio.file.Path
import mlpkit.dsl.Experiment
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * E4 in the default suite, without the real MNIST (which a test machine need not have): the shipped
 * e4-mnist experiment — 784 → 128 relu ×3 → 10 sigmoid, He normal, ½Σ(a − y)² averaged over batches of 64,
 * SGD lr 0.2, pixels to [−1, 1], 10 % held out for validation — trained on [DigitImageSet]'s 1500
 * training digits drawn as 28×28 IDX images (22 batches an epoch) and tested on its other 297.
 *
 * Sigmoid outputs with a squared error can sit for a long time with every output near 0 (loss 0.5,
 * accuracy 0.10) before they learn: on this small set seeds 3 and 6 stay there for 60–80 epochs. 100 epochs
 * (about 10 s) get every seed tried past it; measured test accuracy at 100 epochs: seed 0 (the example's)
 * 0.933, seed 3 0.822, seed 6 0.933. The full runs on the real sets are E4ReproductionTest (tagged long).
 */
class E4ReducedTest {
    @TempDir
    lateinit var dir: Path

    private val examples: Path = Path.of("..", "examples").toAbsolutePath().normalize()

    @Test
    fun `the E4 network and training learn MNIST-layout digit images`() {
        val images = DigitImageSet.writeInto(dir.resolve("digit-images"))
        val example = ExperimentLoader.load(examples.resolve("e4-mnist.json")).spec
        val spec = DigitImageSet.substitutedInto(example, images).let { it.copy(training = it.training.copy(epochs = EPOCHS)) }

        val result = TrainingRun(Experiment(spec), resolver = DataResolver(store = { error("the store is not used") })).fit()

        assertEquals(EPOCHS, result.epochs)
        val test = result.metric("test_accuracy")
        assertTrue(test >= FLOOR, "test accuracy $test after $EPOCHS epochs (floor $FLOOR): ${result.metrics}")
    }

    @Test
    fun `the MNIST and Fashion-MNIST examples differ only in their name and data set`() {
        val mnist = ExperimentLoader.load(examples.resolve("e4-mnist.json")).spec
        val fashion = ExperimentLoader.load(examples.resolve("e4-fashion.json")).spec
        assertEquals(mnist.network, fashion.network)
        assertEquals(mnist.training, fashion.training)
        assertEquals(mnist.data.copy(source = fashion.data.source), fashion.data)
    }

    private companion object {
        const val EPOCHS = 100
        const val FLOOR = 0.8
    }
}
