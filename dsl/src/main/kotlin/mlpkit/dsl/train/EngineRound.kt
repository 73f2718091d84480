package mlpkit.dsl.train

import mlpkit.core.distributed.Averaging
import mlpkit.core.loss.Reduction
import mlpkit.core.loss.WeightNormalization
import mlpkit.core.network.Network
import mlpkit.core.network.Objective
import mlpkit.core.optim.Optimizer

/**
 * One epoch of gradient descent or a mini-batch optimiser on a `DataParallel` engine, for both kinds of distributed
 * run (rows sent from here, [TrainingSession]; rows the engine read itself, [LoadedRowsSession]):
 *
 * - **sync** ([objective]): one evaluation of the full-batch objective on the cluster, the gradient sum divided by
 *   D (under reduction `mean` the objective's denominator: the rows, or Σ w_i of weighted rows under
 *   `sumOfWeights`; under `sum` 1), then [optimizer] steps here as a local full batch does;
 * - **averaging** ([averaging]): one round of local training on every partition at the epoch's rate, the
 *   optimiser's state restored from the round (averaged or reset, as the plan says).
 *
 * [run] returns the epoch's `train_loss`: sync, the mean loss before the step (as a local full batch reports it);
 * averaging, the partitions' mean batch loss. Closing it ends the averaging session.
 */
internal class EngineRound private constructor(
    private val network: Network,
    private val optimizer: Optimizer,
    private val objective: Objective?,
    private val averaging: Averaging?,
    private val reduction: Reduction,
    private val normalization: WeightNormalization,
    /** Whether the rows carry sample weights. */
    private val weighted: Boolean,
) : AutoCloseable {

    /** Runs the epoch's round at [rate] and returns its `train_loss`. */
    fun run(rate: Double): Double {
        if (averaging != null) {
            val round = averaging.round(network.parameters(), optimizer.exportState(), rate)
            optimizer.restoreState(round.state())
            return round.meanLoss()
        }
        val parameters = network.parameters()
        val gradients = network.gradients()
        val evaluation = objective!!.evaluate(parameters, gradients)
        val denominator = if (reduction == Reduction.MEAN) evaluation.denominator() else 1.0
        for (i in gradients.indices) gradients[i] /= denominator
        if (weighted && normalization == WeightNormalization.SUM_OF_WEIGHTS) {
            optimizer.stepWeighted(parameters, gradients, rate, evaluation.denominator())
        } else {
            optimizer.step(parameters, gradients, rate, evaluation.rows().toInt())
        }
        return evaluation.mean()
    }

    override fun close() {
        averaging?.close()
    }

    companion object {
        /** A synchronous round per epoch on [objective]. */
        fun sync(network: Network, optimizer: Optimizer, objective: Objective, reduction: Reduction, normalization: WeightNormalization, weighted: Boolean) =
            EngineRound(network, optimizer, objective, null, reduction, normalization, weighted)

        /** An averaging round per epoch in [averaging] (closed with this). */
        fun averaging(network: Network, optimizer: Optimizer, averaging: Averaging) =
            EngineRound(network, optimizer, null, averaging, Reduction.MEAN, WeightNormalization.DEFAULT, false)
    }
}
