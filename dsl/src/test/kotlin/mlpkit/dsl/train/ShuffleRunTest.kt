package mlpkit.dsl.train

import mlpkit.core.loss.BinaryCrossEntropy
import mlpkit.core.loss.Reduction
import mlpkit.core.network.Network
import mlpkit.core.optim.OptimizerSpec
import mlpkit.data.ClassLabels
import mlpkit.data.generators.makeMoons
import mlpkit.dsl.experiment
import org.apache.commons.math3.linear.Array2DRowRealMatrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test

/** `shuffle = false`: every epoch takes the mini-batches in the data's order. */
class ShuffleRunTest {
    private fun moons(shuffle: Boolean) = experiment("unshuffled") {
        data { moons(samples = 40, noise = 0.1, randomState = 0) }
        network { dense(4, tanh); dense(1, sigmoid) }
        training {
            loss = bce; optimizer = sgd(lr = 0.3, momentum = 0.9); epochs = 3; batchSize = 16; seed = 5
            this.shuffle = shuffle
        }
    }

    /** The same network, stepped by hand over rows 0–15, 16–31, 32–39 of make_moons in its own order, 3 times. */
    private fun byHand(): DoubleArray {
        val experiment = moons(false)
        val streams = SeedStreams(5)
        val network = Network.build(experiment.spec.network, 2, BinaryCrossEntropy(), streams.init(), streams.dropout())
        val data = makeMoons(40, noise = 0.1, randomState = 0L)
        val labels = (data.targets as ClassLabels).labels
        val optimizer = (experiment.spec.training.optimizer as OptimizerSpec).start(network.layout().weightMask())
        repeat(3) {
            for (from in 0 until 40 step 16) {
                val rows = (from until minOf(40, from + 16))
                val x = Array2DRowRealMatrix(rows.map { data.features.row(it) }.toTypedArray())
                val y = Array2DRowRealMatrix(rows.map { doubleArrayOf(labels[it].toDouble()) }.toTypedArray())
                network.computeGradient(x, y, Reduction.MEAN)
                optimizer.step(network.parameters(), network.gradients(), 0.3, rows.count())
            }
        }
        return network.parameters().clone()
    }

    @Test
    fun `without shuffling a run steps through the rows in the data's order every epoch`() {
        val run = TrainingRun.of(moons(false).spec).fit().parameters()
        assertArrayEquals(byHand(), run, 0.0)
    }

    @Test
    fun `with shuffling, the default, the same run ends elsewhere`() {
        val run = TrainingRun.of(moons(true).spec).fit().parameters()
        assertFalse(byHand().contentEquals(run))
    }
}
