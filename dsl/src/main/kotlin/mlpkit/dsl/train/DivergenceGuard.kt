package mlpkit.dsl.train

import java.math.BigDecimal
import java.math.MathContext
import java.util.Locale
import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.spec.DivergenceSpec

/**
 * Where the divergence guard of a run stands (see [DivergenceSpec]): the best training loss so far and
 * its epoch, and how many epochs in a row have been divergent ([learningRate] is the optimiser's, for the
 * advice). [start] gives it the untrained network's training loss as the first "best" (epoch 0): a learning
 * rate far too large sends the loss up by orders of magnitude within the first epoch, so without it the
 * first epoch's already-diverged loss would be the yardstick. [update] is called once per completed epoch
 * with the epoch's training loss; it returns the [StopReason.Diverged] that ends the run when the guard's
 * patience is used up.
 *
 * Only a positive best loss is a yardstick: a loss of 0 (a perfect fit) or a user's loss that can be
 * negative would make every later value "infinitely" worse, so then only a non-finite loss counts.
 *
 * A checkpoint keeps the untrained loss; the rest of the state follows from the training losses in the
 * run's history, which a checkpoint holds exactly, so a resumed run [start]s and [replay]s them and
 * continues the count where it was.
 */
internal class DivergenceGuard(private val spec: DivergenceSpec.Guard, private val learningRate: Double) {
    private var best = Double.POSITIVE_INFINITY
    private var bestEpoch = 0
    private var divergentEpochs = 0

    /** Takes the untrained network's training loss as the best so far (epoch 0), unless it is not finite. */
    fun start(untrainedLoss: Double) {
        if (untrainedLoss.isFinite()) {
            best = untrainedLoss
            bestEpoch = 0
        }
    }

    /** Takes the training loss of [epoch] into account; the reason to stop, or null to go on. */
    fun update(epoch: Int, loss: Double): StopReason.Diverged? {
        val divergent = !loss.isFinite() || (best.isFinite() && best > 0 && loss > spec.factor * best)
        if (loss.isFinite() && loss < best) {
            best = loss
            bestEpoch = epoch
        }
        divergentEpochs = if (divergent) divergentEpochs + 1 else 0
        return if (divergentEpochs >= spec.patience) diverged(epoch, loss) else null
    }

    /**
     * The guard's state after the epochs of [history] (a resumed run's), and the reason to stop when the
     * last of them already ended the run.
     */
    fun replay(history: List<HistoryRow>): StopReason.Diverged? {
        var stop: StopReason.Diverged? = null
        for (row in history) stop = update(row.epoch, row.metrics.getValue(TRAIN_LOSS))
        return stop
    }

    private fun diverged(epoch: Int, loss: Double): StopReason.Diverged {
        val inARow = if (spec.patience == 1) "" else " for ${spec.patience} epochs in a row"
        val what = if (!loss.isFinite()) {
            "the training loss of epoch $epoch is $loss$inARow"
        } else {
            "training loss ${figure(loss)} at epoch $epoch is ${figure(loss / best)} × its best " +
                "(${figure(best)} ${if (bestEpoch == 0) "before training" else "at epoch $bestEpoch"}), above ${figure(spec.factor)} ×$inARow"
        }
        val message = "$what: the run diverged; lower the learning rate (lr = ${figure(learningRate)}), " +
            "or change training.divergence (${DivergenceSpec.FACTOR.name()}, ${DivergenceSpec.PATIENCE.name()}) or turn the guard off"
        return StopReason.Diverged(message, epoch, loss, best, bestEpoch)
    }

    private companion object {
        val TRAIN_LOSS = MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS)

        /** Five significant digits, plain between 0.001 and 10⁶ (`66583`, `0.53125`), else `1.234e+07`. */
        fun figure(value: Double): String {
            val magnitude = kotlin.math.abs(value)
            if (magnitude == 0.0) return "0"
            if (magnitude !in 1e-3..<1e6) return String.format(Locale.ROOT, "%.3e", value)
            return BigDecimal(value).round(MathContext(5)).stripTrailingZeros().toPlainString()
        }
    }
}
