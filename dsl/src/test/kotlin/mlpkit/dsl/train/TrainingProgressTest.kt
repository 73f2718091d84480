package mlpkit.dsl.train

import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class TrainingProgressTest {
    @Test
    fun `a run counts the batches of its epoch as it trains them`() {
        val spec = experiment("counted") {
            data { moons(samples = 50, noise = 0.2, randomState = 1) }
            network { dense(3, tanh); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.1); epochs = 3; batchSize = 16; seed = 2 }
        }.spec
        val seen = ArrayList<TrainingProgress.Position>()
        val runs = ArrayList<TrainingRun>()
        // A hook runs in the training loop at the end of each epoch, before the next one starts.
        val run = TrainingRun(Experiment(spec, listOf(EpochHook { seen += runs.single().progress.position() })))
        runs += run
        assertEquals(TrainingProgress.Position(0, 0), run.progress.position())
        run.fit()
        assertEquals(4, run.progress.batchesPerEpoch) // 50 rows in batches of 16: 16, 16, 16, 2
        assertEquals(listOf(TrainingProgress.Position(1, 4), TrainingProgress.Position(2, 4), TrainingProgress.Position(3, 4)), seen)
    }
}
