package mlpkit.dsl.config

import mlpkit.core.activation.Activation
import mlpkit.core.concept.Param
import mlpkit.core.concept.Registry
import mlpkit.core.limits.MachineLimits
import mlpkit.core.loss.Loss
import mlpkit.core.loss.Reduction
import mlpkit.core.metrics.Monitor
import mlpkit.core.optim.OptimizerParams
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.TrainingSpec

/**
 * What can be wrong with `training` without the data. The loss, optimiser and schedule were checked against
 * their concepts when they were read; here are the rules between them and the network (which loss suits the
 * output, as each loss says), the settings of the run, callbacks, and metric names against the metric registry. The ranges
 * of its numbers are declared on [TrainingSpec] and checked by [RangeChecks].
 */
internal object TrainingChecks {
    private val trainingPath = JsonPath.ROOT.key("training")

    fun check(spec: ExperimentSpec, registry: Registry, limits: MachineLimits, problems: Problems) {
        val training = spec.training
        loss(spec, registry, problems)
        schedule(spec, problems)
        metricNames(spec, registry, problems)
        divergence(spec, problems)
        limits.threadsProblem(training.threads)?.let { problems.add(trainingPath.key("threads"), it) }
        training.callbacks.forEachIndexed { i, callback -> callback(spec, registry, callback, trainingPath.key("callbacks").index(i), problems) }
        oneOfEach(spec, problems)
        fullBatch(spec, problems)
        weightDecayPerSample(spec, problems)
    }

    /**
     * `weightDecayPer = sample` adds λθ/rows to the batch's *mean* gradient, the gradient of scikit-learn's
     * λ/(2·rows)·‖W‖² added to the mean loss; with `reduction = sum` the loss gradient is rows times larger and
     * the pair would mean neither scikit-learn's objective nor PyTorch's, so it is refused.
     */
    private fun weightDecayPerSample(spec: ExperimentSpec, problems: Problems) {
        val optimizer = spec.training.optimizer
        if (!optimizer.weightDecayPerSample() || spec.training.reduction != Reduction.SUM) return
        problems.add(
            trainingPath.key("optimizer").key(OptimizerParams.weightDecayPer().name()),
            "weightDecayPer ${OptimizerParams.PER_SAMPLE} divides the weight decay by the batch's rows, as scikit-learn's alpha does for a mean loss, but the loss is summed",
            "reduction mean with weightDecayPer ${OptimizerParams.PER_SAMPLE}", "reduction sum",
            "; use reduction mean, or weightDecayPer ${OptimizerParams.PER_BATCH} to add λθ to the summed gradient",
        )
    }

    /**
     * A full-batch optimiser (L-BFGS) minimises one deterministic objective over every training row with its own
     * line search: a dropout layer (random in training), a learning-rate schedule and a checkpoint (its (s, y)
     * history is not saved, so it could not resume exactly) do not fit. The batch size is not refused: L-BFGS uses
     * every training row whatever it says (its default of 32 rows cannot be told from one written).
     */
    private fun fullBatch(spec: ExperimentSpec, problems: Problems) {
        val optimizer = spec.training.optimizer
        if (!optimizer.fullBatch()) return
        val name = optimizer.concept().name()
        spec.network.layers().forEachIndexed { i, layer ->
            if (layer.randomInTraining()) {
                problems.add(
                    JsonPath.ROOT.key("network").index(i), "${layer.notation()} with $name",
                    "a network without dropout: $name minimises one deterministic loss over every training row",
                    layer.notation(), "; remove the layer, or train with a mini-batch optimiser such as adam",
                )
            }
        }
        if (spec.training.schedule != TrainingSpec.DEFAULT_SCHEDULE) {
            problems.add(
                trainingPath.key("schedule"), "a learning-rate schedule with $name",
                "no schedule (${TrainingSpec.DEFAULT_SCHEDULE.notation()}): $name's line search chooses every step",
                spec.training.schedule.notation(), "; remove training.schedule",
            )
        }
        spec.training.callbacks.forEachIndexed { i, callback ->
            if (callback is CallbackSpec.Checkpoint) {
                problems.add(
                    trainingPath.key("callbacks").index(i), "a checkpoint with $name",
                    "no checkpoint callback: $name runs cannot be resumed (its (s, y) history is not saved)",
                    "checkpoint every ${callback.every}", "; remove the callback and rerun the whole run instead of resuming it",
                )
            }
        }
    }

    /** A run keeps one early-stopping rule and writes one checkpoint series: a second of either is a mistake. */
    private fun oneOfEach(spec: ExperimentSpec, problems: Problems) {
        val callbacks = spec.training.callbacks
        for ((type, kind) in listOf("earlyStopping" to CallbackSpec.EarlyStopping::class, "checkpoint" to CallbackSpec.Checkpoint::class)) {
            val indices = callbacks.indices.filter { kind.isInstance(callbacks[it]) }
            if (indices.size > 1) {
                problems.add(
                    trainingPath.key("callbacks").index(indices[1]), "a second $type callback", "at most one $type per run",
                    "${indices.size}, at ${indices.joinToString(", ") { "$.training.callbacks[$it]" }}", "; keep the one to use",
                )
            }
        }
    }

    /** The loss must suit the output activation, as the loss itself decides ([Loss.suits]). */
    private fun loss(spec: ExperimentSpec, registry: Registry, problems: Problems) {
        val activation = spec.network.outputActivation() ?: return
        val loss = spec.training.loss
        if (loss.suits(activation)) return
        val index = spec.network.layers().lastIndex
        val suitable = registry.of(Loss.KIND).all().map { it.create() }.filter { it.suits(activation) }.map { it.notation() }
        val outputs = registry.of(Activation.KIND).all().map { it.create() }.filter { loss.suits(it) }
        val fix = if (outputs.size == 1) "; or make the output layer dense(k, ${outputs[0].notation()})" else ""
        problems.add(
            trainingPath.key("loss"),
            "${loss.notation()} does not suit the output layer $.network[$index] = ${spec.network.layers()[index].notation()}",
            "${orList(suitable)} for a ${activation.notation()} output", loss.notation(), fix,
        )
    }

    /** A schedule must work with the optimiser's learning rate over the run (cosine decays to at most lr). */
    private fun schedule(spec: ExperimentSpec, problems: Problems) {
        val training = spec.training
        if (training.epochs < 1) return
        try {
            training.schedule.start(training.epochs, 1).rate(training.optimizer.lr(), 0)
        } catch (e: IllegalArgumentException) {
            problems.add(trainingPath.key("schedule"), "${training.schedule.notation()} does not fit ${training.optimizer.notation()}: ${e.message}")
        }
    }

    /** Every parameter that names a metric (a schedule's monitor) must name one the run reports each epoch. */
    private fun metricNames(spec: ExperimentSpec, registry: Registry, problems: Problems) {
        for ((key, value) in listOf("optimizer" to spec.training.optimizer, "schedule" to spec.training.schedule)) {
            val concept = value.concept()
            val arguments = concept.argumentsOf(value)
            for (param in concept.params()) {
                if (param.type() == Param.Type.TEXT && param.namesMetric()) {
                    monitor(spec, registry, arguments.text(param.name()), trainingPath.key(key).key(param.name()), problems)
                }
            }
        }
    }

    private fun monitor(spec: ExperimentSpec, registry: Registry, monitor: String, path: JsonPath, problems: Problems) {
        val monitors = KnownNames.monitors(registry)
        if (monitor !in monitors) {
            problems.add(path, "unknown monitor", JsonText.oneOf(monitors), JsonText.quoted(monitor), JsonText.suggestion(monitor, monitors))
        } else if (KnownNames.onValidation(monitor) && spec.data.split.validation <= 0.0) {
            problems.add(
                path, "$monitor needs a validation part", "data.split.validation > 0",
                Problems.number(spec.data.split.validation), "; or monitor ${monitor.replace("val_", "train_").replace("validation_", "train_")}",
            )
        }
    }

    private fun callback(spec: ExperimentSpec, registry: Registry, callback: CallbackSpec, path: JsonPath, problems: Problems) {
        when (callback) {
            is CallbackSpec.EarlyStopping -> {
                monitor(spec, registry, callback.monitor, path.key("monitor"), problems)
                if (callback.mode !in Monitor.MODES) {
                    problems.add(path.key("mode"), "unknown mode", JsonText.oneOf(Monitor.MODES), JsonText.quoted(callback.mode))
                }
                if (callback.rule !in CallbackSpec.EarlyStopping.RULES) {
                    problems.add(path.key("rule"), "unknown early-stopping rule", JsonText.oneOf(CallbackSpec.EarlyStopping.RULES), JsonText.quoted(callback.rule))
                }
            }
            is CallbackSpec.Checkpoint -> {} // its interval's range is declared on the spec (RangeChecks)
        }
    }

    /** The divergence guard's factor and patience against their ranges ([DivergenceSpec.FACTOR], [DivergenceSpec.PATIENCE]). */
    private fun divergence(spec: ExperimentSpec, problems: Problems) {
        val guard = spec.training.divergence as? DivergenceSpec.Guard ?: return
        val path = trainingPath.key("divergence")
        for ((param, value) in listOf(DivergenceSpec.FACTOR to guard.factor, DivergenceSpec.PATIENCE to guard.patience)) {
            val expected = param.problem(value) ?: continue
            val shown = if (value is Double) Problems.number(value) else value.toString()
            problems.add(path.key(param.name()), "divergence ${param.name()} out of range", expected, shown, "; ${param.hint()}")
        }
    }

    private fun orList(names: List<String>): String = when (names.size) {
        0 -> "no loss"
        1 -> names[0]
        else -> names.dropLast(1).joinToString(", ") + " or " + names.last()
    }
}
