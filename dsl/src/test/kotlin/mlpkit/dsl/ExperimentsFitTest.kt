package mlpkit.dsl

import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** `Experiments.fit(experiment("…") { … })` and `experiment { … }.fit()`: the DSL's experiment trains without `.spec`. */
class ExperimentsFitTest {
    private val epochsSeen = mutableListOf<Int>()

    private fun moons() = experiment("moons") {
        data { moons(samples = 40, noise = 0.1, randomState = 0) }
        network { dense(6, relu); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 5; batchSize = full; seed = 0 }
        onEpochEnd { epochsSeen += it.epoch }
    }

    @Test
    fun `fit of the built experiment trains exactly as fit of its spec, and runs its hooks`() {
        val experiment = moons()
        val bySpec = Experiments.fit(experiment.spec)
        assertEquals(emptyList<Int>(), epochsSeen, "the spec alone has no hooks")
        val byExperiment = Experiments.fit(experiment)
        assertEquals(listOf(1, 2, 3, 4, 5), epochsSeen)
        assertArrayEquals(bySpec.parameters(), byExperiment.parameters())
        assertEquals(bySpec.metrics, byExperiment.metrics)
        val byMember = experiment.fit()
        assertArrayEquals(bySpec.parameters(), byMember.parameters())
        assertEquals(listOf(1, 2, 3, 4, 5, 1, 2, 3, 4, 5), epochsSeen)
    }
}
