package mlpkit.dsl.config

import mlpkit.core.activation.Activation
import mlpkit.core.activation.Sigmoid
import mlpkit.core.activation.Softmax
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.LossName
import mlpkit.dsl.spec.OptimizerSpec
import mlpkit.dsl.spec.ScheduleSpec

/** What can be wrong with `training` without the data; the ranges are those the core optimisers enforce. */
internal object TrainingChecks {
    private val trainingPath = JsonPath.ROOT.key("training")

    fun check(spec: ExperimentSpec, problems: Problems) {
        val training = spec.training
        loss(spec, problems)
        optimizer(training.optimizer, trainingPath.key("optimizer"), problems)
        schedule(training.schedule, training.optimizer.lr, trainingPath.key("schedule"), problems)
        problems.atLeastOne(trainingPath.key("epochs"), training.epochs, "no epochs to train")
        val batch = training.batchSize
        if (batch is BatchSizeSpec.Rows && batch.rows < 1) {
            problems.add(trainingPath.key("batchSize"), "batch size too small", "a number of rows ≥ 1 or \"full\"", batch.rows.toString())
        }
        problems.atLeastOne(trainingPath.key("threads"), training.threads, "too few threads")
        training.callbacks.forEachIndexed { i, callback -> callback(spec, callback, trainingPath.key("callbacks").index(i), problems) }
    }

    /** The loss must suit the output activation, as `Loss.requireCompatible` decides. */
    private fun loss(spec: ExperimentSpec, problems: Problems) {
        val (index, output) = NetworkChecks.outputLayer(spec.network) ?: return
        val activation = LayerFields.activationOf(output) ?: return
        val loss = spec.training.loss
        try {
            loss.loss.requireCompatible(activation)
        } catch (e: IllegalArgumentException) {
            val fix = when (loss) {
                LossName.BCE -> "; or make the output layer dense(k, sigmoid)"
                LossName.SOFTMAX_CE -> "; or make the output layer dense(k, softmax)"
                else -> ""
            }
            problems.add(
                trainingPath.key("loss"), "${loss.loss.notation()} does not suit the output layer $.network[$index] = ${output.notation()}",
                "${lossesFor(activation)} for a ${activation.notation()} output", loss.loss.notation(), fix,
            )
        }
    }

    private fun lossesFor(activation: Activation): String = when (activation) {
        is Softmax -> LossName.SOFTMAX_CE.loss.notation()
        is Sigmoid -> "${LossName.BCE.loss.notation()}, ${LossName.MSE.loss.notation()} or ${LossName.HALF_SSE.loss.notation()}"
        else -> "${LossName.MSE.loss.notation()} or ${LossName.HALF_SSE.loss.notation()}"
    }

    private fun optimizer(optimizer: OptimizerSpec, path: JsonPath, problems: Problems) {
        problems.positive(path.key("lr"), optimizer.lr, "learning rate not positive", "; try 0.01")
        problems.nonNegative(path.key("weightDecay"), optimizer.weightDecay, "weight decay out of range")
        problems.nonNegative(path.key("clipNorm"), optimizer.clipNorm, "clip norm out of range", "; 0 turns clipping off")
        when (optimizer) {
            is OptimizerSpec.Sgd -> {
                problems.fraction(path.key("momentum"), optimizer.momentum, "momentum out of range", "; try 0.9")
                if (optimizer.nesterov && optimizer.momentum == 0.0) {
                    problems.add(path.key("nesterov"), "Nesterov momentum without momentum", "momentum in (0, 1) with nesterov", "momentum 0", "; set momentum, e.g. 0.9")
                }
            }
            is OptimizerSpec.RmsProp -> {
                problems.fraction(path.key("rho"), optimizer.rho, "rho out of range", "; try 0.9")
                problems.positive(path.key("eps"), optimizer.eps, "eps not positive")
            }
            is OptimizerSpec.Adam -> adamBetas(optimizer.beta1, optimizer.beta2, optimizer.eps, path, problems)
            is OptimizerSpec.AdamW -> adamBetas(optimizer.beta1, optimizer.beta2, optimizer.eps, path, problems)
        }
    }

    private fun adamBetas(beta1: Double, beta2: Double, eps: Double, path: JsonPath, problems: Problems) {
        problems.fraction(path.key("beta1"), beta1, "beta1 out of range", "; try 0.9")
        problems.fraction(path.key("beta2"), beta2, "beta2 out of range", "; try 0.999")
        problems.positive(path.key("eps"), eps, "eps not positive")
    }

    private fun schedule(schedule: ScheduleSpec, lr: Double, path: JsonPath, problems: Problems) {
        when (schedule) {
            ScheduleSpec.Constant -> {}
            is ScheduleSpec.Step -> {
                problems.atLeastOne(path.key("every"), schedule.every, "step interval too small")
                problems.factor(path.key("factor"), schedule.factor, "step factor out of range", "; e.g. 0.5 halves the rate")
            }
            is ScheduleSpec.Exponential -> problems.factor(path.key("gamma"), schedule.gamma, "decay factor out of range", "; e.g. 0.95")
            is ScheduleSpec.InverseScaling -> problems.nonNegative(path.key("power"), schedule.power, "power out of range", "; e.g. 0.5")
            is ScheduleSpec.Cosine -> if (!(schedule.minRate >= 0 && schedule.minRate <= lr)) {
                problems.add(path.key("minRate"), "final rate out of range", "a number in [0, lr] = [0, ${Problems.number(lr)}]", Problems.number(schedule.minRate))
            }
        }
    }

    private fun callback(spec: ExperimentSpec, callback: CallbackSpec, path: JsonPath, problems: Problems) {
        when (callback) {
            is CallbackSpec.EarlyStopping -> {
                val monitor = callback.monitor
                if (monitor !in KnownNames.monitors) {
                    problems.add(path.key("monitor"), "unknown monitor", JsonText.oneOf(KnownNames.monitors), JsonText.quoted(monitor), JsonText.suggestion(monitor, KnownNames.monitors))
                } else if (KnownNames.onValidation(monitor) && spec.data.split.validation <= 0.0) {
                    problems.add(
                        path.key("monitor"), "$monitor needs a validation part", "data.split.validation > 0",
                        Problems.number(spec.data.split.validation), "; or monitor ${monitor.replace("val_", "train_")}",
                    )
                }
                problems.atLeastOne(path.key("patience"), callback.patience, "patience too small")
                problems.nonNegative(path.key("minDelta"), callback.minDelta, "minimum improvement out of range")
            }
            is CallbackSpec.Checkpoint -> problems.atLeastOne(path.key("every"), callback.every, "checkpoint interval too small")
        }
    }
}
