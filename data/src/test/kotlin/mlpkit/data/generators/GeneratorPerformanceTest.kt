package mlpkit.data.generators

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Generators are not hot, but nothing in them may grow quadratically: E3's set must be quick. */
class GeneratorPerformanceTest {
    @Test
    fun `E3's 5000 × 20 make_classification takes well under a second`() {
        val millis = (1..3).minOf {
            val start = System.nanoTime()
            val dataset = makeClassification(
                nSamples = 5000, nFeatures = 20, nInformative = 15, nRedundant = 3, flipY = 0.05, randomState = 42,
            )
            assertEquals(5000, dataset.size)
            (System.nanoTime() - start) / 1_000_000
        }
        assertTrue(millis < 500, "best of three runs took $millis ms")
    }

    @Test
    fun `50 000 moons and 20 000 blobs in 50 dimensions take well under a second`() {
        val start = System.nanoTime()
        makeMoons(50_000, noise = 0.1, randomState = 1)
        makeBlobs(20_000, nFeatures = 50, centers = 10, randomState = 1)
        val millis = (System.nanoTime() - start) / 1_000_000
        assertTrue(millis < 1000, "took $millis ms")
    }
}
