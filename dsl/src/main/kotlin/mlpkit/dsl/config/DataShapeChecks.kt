package mlpkit.dsl.config

import mlpkit.dsl.cv.CvResult
import mlpkit.core.concept.ConceptException
import mlpkit.core.concept.Param
import mlpkit.core.concept.Registry
import mlpkit.core.limits.MachineLimits
import mlpkit.core.loss.Loss
import mlpkit.core.metrics.Metric
import mlpkit.core.metrics.Monitor
import mlpkit.data.split.PartSizes
import mlpkit.data.split.ShuffleSplit
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.ExperimentSpec

/**
 * What can only be checked once the data's shape is known: [samples] rows before the split (of the
 * training file or generated set), [features] columns, [classes] (null for regression targets) and
 * [outputs] target columns; the network must also fit the machine's [limits] (parameters, a batch's
 * activations) before it is built.
 */
internal class DataShapeChecks(
    private val samples: Int,
    private val features: Int,
    private val classes: Int?,
    private val outputs: Int,
    private val registry: Registry,
    private val limits: MachineLimits,
) {
    fun check(spec: ExperimentSpec, problems: Problems) {
        if (samples < 1 || features < 1) {
            problems.add(JsonPath.ROOT.key("data"), "no data", "at least 1 row and 1 feature", "$samples rows of $features features")
            return
        }
        val rows = trainingRows(spec, problems)
        rows?.let { batchSize(spec, it, problems) }
        output(spec, problems)
        if (classes == null) regression(spec, problems)
        metricsTheTargetsAllow(spec, problems)
        rows?.let { networkSize(spec, it, problems) }
    }

    /** The network's parameters and a batch's activations must fit one array each and the memory, before it is built. */
    private fun networkSize(spec: ExperimentSpec, trainingRows: Int, problems: Problems) {
        val batchRows = when (val batch = spec.training.batchSize) {
            is BatchSizeSpec.Rows -> minOf(batch.rows, trainingRows)
            else -> trainingRows
        }
        limits.networkProblem(spec.network, features, batchRows.toLong().coerceAtLeast(1))?.let {
            problems.add(JsonPath.ROOT.key("network"), "${spec.network.notation()} on $features features does not fit this machine: $it")
        }
    }

    /**
     * A metric is measured only on targets that meet its needs: AUC and the other two-class metrics when the
     * data has exactly 2 classes, R² and the other regression metrics on real-valued targets, max error on one
     * output. A monitor or expectation that names one the data cannot have would never be reported.
     */
    private fun metricsTheTargetsAllow(spec: ExperimentSpec, problems: Problems) {
        fun check(path: JsonPath, metric: String) {
            val needs = try {
                Monitor.metricOf(metric, registry).needs()
            } catch (e: ConceptException) {
                return // unknown names are reported by the checks without data
            }
            when {
                needs == Metric.Needs.TWO_CLASSES && classes != null && classes != 2 ->
                    problems.add(path, "$metric needs two classes", "a metric measured for $classes classes, e.g. accuracy or loss", JsonText.quoted(metric))
                (needs == Metric.Needs.VALUES || needs == Metric.Needs.ONE_VALUE) && classes != null ->
                    problems.add(path, "$metric needs real-valued (regression) targets", "a metric measured for class labels, e.g. accuracy or loss", JsonText.quoted(metric))
                needs == Metric.Needs.ONE_VALUE && outputs != 1 ->
                    problems.add(path, "$metric is defined for one output only (as scikit-learn's max_error)", "a metric measured for $outputs outputs, e.g. r2 or mae", JsonText.quoted(metric))
            }
        }
        spec.expect.forEachIndexed { i, expectation ->
            check(JsonPath.ROOT.key("expect").index(i).key("metric"), CvResult.foldMetric(expectation.metric) ?: expectation.metric)
        }
        spec.training.callbacks.forEachIndexed { i, callback ->
            if (callback is CallbackSpec.EarlyStopping) check(JsonPath.ROOT.key("training").key("callbacks").index(i).key("monitor"), callback.monitor)
        }
        val schedule = spec.training.schedule
        val concept = schedule.concept()
        for (param in concept.params()) {
            if (param.type() == Param.Type.TEXT && param.namesMetric()) {
                check(JsonPath.ROOT.key("training").key("schedule").key(param.name()), concept.argumentsOf(schedule).text(param.name()))
            }
        }
    }

    /**
     * The rows the training part gets, computed as the data module's split does: scikit-learn's rounding
     * (test ⌈test · n⌉, [ShuffleSplit.counts]) with `split.randomState`, largest remainders otherwise.
     */
    private fun trainingRows(spec: ExperimentSpec, problems: Problems): Int? {
        val split = spec.data.split
        val test = if (DataChecks.hasOwnTestSet(spec.data.source)) 0.0 else split.test
        return try {
            if (split.randomState != null) {
                ShuffleSplit.counts(samples, test, split.validation, spec.name).train
            } else {
                PartSizes.Fractions(validation = split.validation, test = test).resolve(samples, spec.name).train
            }
        } catch (e: IllegalArgumentException) {
            problems.add(JsonPath.ROOT.key("data").key("split"), "the split does not fit $samples rows: ${e.message.orEmpty().substringAfter("': ")}")
            null
        }
    }

    private fun batchSize(spec: ExperimentSpec, trainingRows: Int, problems: Problems) {
        val batch = spec.training.batchSize as? BatchSizeSpec.Rows ?: return
        if (batch.rows > trainingRows) {
            problems.add(
                JsonPath.ROOT.key("training").key("batchSize"), "batch larger than the training data",
                "at most $trainingRows rows, the training part of $samples samples", batch.rows.toString(),
                "; use \"full\" for one batch of all rows, or a smaller batch",
            )
        }
    }

    /** The output layer must give one value per class (or one for two classes) or per regression target. */
    private fun output(spec: ExperimentSpec, problems: Problems) {
        if (spec.network.outputActivation() == null) return
        val index = spec.network.layers().lastIndex
        val layer = spec.network.layers()[index]
        val units = spec.network.outputSize(features)
        val expected = when {
            classes == null -> if (units == outputs) null else "$outputs ${plural(outputs, "unit")} for $outputs regression ${plural(outputs, "target")}"
            classes == 2 -> if (units == 1 || units == 2) null else "1 unit (sigmoid, bce) or 2 units (softmax, softmax-ce) for 2 classes"
            else -> if (units == classes) null else "$classes units for $classes classes, e.g. dense($classes, softmax) with softmax-ce"
        } ?: return
        problems.add(
            JsonPath.ROOT.key("network"), "the output layer $.network[$index] = ${layer.notation()} does not fit the data",
            expected, "$units ${plural(units, "unit")}",
        )
    }

    /** Class-only settings make no sense for regression targets. */
    private fun regression(spec: ExperimentSpec, problems: Problems) {
        if (spec.training.loss.targets() != Loss.Targets.VALUES) {
            val forValues = registry.of(Loss.KIND).all().map { it.create() }.filter { it.targets() == Loss.Targets.VALUES }.map { it.notation() }
            problems.add(JsonPath.ROOT.key("training").key("loss"), "a classification loss for regression targets", JsonText.oneOf(forValues), spec.training.loss.notation())
        }
        // A source that says it is regression was already reported by the checks without data.
        if (spec.data.split.stratify && !DataChecks.isRegression(spec.data.source)) {
            problems.add(JsonPath.ROOT.key("data").key("split").key("stratify"), "a stratified split needs class labels", "false for regression targets", "true")
        }
        spec.expect.forEachIndexed { i, expectation ->
            if (KnownNames.needsClasses(expectation.metric, registry)) {
                problems.add(JsonPath.ROOT.key("expect").index(i).key("metric"), "${expectation.metric} needs class labels", "a loss or regression metric for regression targets, e.g. test_r2", JsonText.quoted(expectation.metric))
            }
        }
        spec.training.callbacks.forEachIndexed { i, callback ->
            if (callback is CallbackSpec.EarlyStopping && KnownNames.needsClasses(callback.monitor, registry)) {
                problems.add(
                    JsonPath.ROOT.key("training").key("callbacks").index(i).key("monitor"), "${callback.monitor} needs class labels",
                    "train_loss, val_loss or val_r2 for regression targets", JsonText.quoted(callback.monitor),
                )
            }
        }
    }

    private fun plural(count: Int, word: String) = if (count == 1) word else word + "s"
}
