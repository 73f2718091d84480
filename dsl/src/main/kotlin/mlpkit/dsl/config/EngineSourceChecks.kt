package mlpkit.dsl.config

import mlpkit.core.concept.ConceptException
import mlpkit.core.concept.Registry
import mlpkit.core.distributed.RowSource
import mlpkit.core.metrics.Monitor
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.TargetScaling
import mlpkit.dsl.train.ScoreMetrics

/**
 * What can be wrong with a `"type": "spark"` source ([DataSource.Spark]) before the engine reads it: its format, path and IDX label file; and the settings that need the rows here, which the engine
 * does not have: a test part, a stratified or ordered split, pixel scaling of a table, target scaling,
 * the table form (`columns`) of IDX files or with named features, a cross-validation, a sweep, and expectations or monitors on metrics that are not sums
 * ([ScoreMetrics.FROM_SUMS]). A run also needs an engine ([engineMissing]).
 */
internal object EngineSourceChecks {
    private val dataPath = JsonPath.ROOT.key("data")
    private val sourcePath = dataPath.key("source")
    private val splitPath = dataPath.key("split")
    private const val LOCALLY = "; or load the rows here with a csv, idx or built-in source"

    fun check(spec: ExperimentSpec, registry: Registry, problems: Problems) {
        val source = spec.data.source as? DataSource.Spark ?: return
        if (source.format != DataSource.Spark.FRAME) files(source, spec, problems)
        if (source.columns != null && source.features != DataSource.Spark.DEFAULT_FEATURES) {
            problems.add(
                sourcePath.key("features"), "feature columns named in the table form", "no features (with columns, every column but the label " +
                    "and sampleWeight is a feature column, as in a csv table)", source.features.joinToString(", ") { JsonText.quoted(it) },
            )
        }
        val split = spec.data.split
        if (split.test > 0) {
            problems.add(splitPath.key("test"), "a test part of data read by an engine", "0 (the engine splits off validation rows only)", Problems.number(split.test), "; score a test set with mlp predict")
        }
        if (split.stratify) problems.add(splitPath.key("stratify"), "a stratified split of data read by an engine", "false (each row goes to validation by a hash of its row number)", "true")
        if (!split.shuffle && split.validation > 0) {
            problems.add(splitPath.key("shuffle"), "an ordered split of data read by an engine", "true (each row goes to validation by a hash of its row number)", "false")
        }
        if (spec.data.targetScaling != TargetScaling.NONE) {
            problems.add(dataPath.key("targetScaling"), "target scaling of data read by an engine", "\"none\"", JsonText.quoted(spec.data.targetScaling.name.lowercase().replace("_", "")), LOCALLY)
        }
        if (spec.validation != null) problems.add(JsonPath.ROOT.key("validation"), "a cross-validation of data read by an engine", "no validation block", "a validation block", LOCALLY)
        if (spec.sweep != null) problems.add(JsonPath.ROOT.key("sweep"), "a sweep of data read by an engine", "no sweep block (train each variation as its own run)", "a sweep block", LOCALLY)
        spec.training.callbacks.forEachIndexed { i, callback ->
            if (callback is CallbackSpec.Checkpoint) {
                problems.add(JsonPath.ROOT.key("training").key("callbacks").index(i), "a checkpoint of a run on data read by an engine", "no checkpoint callback (such a run starts afresh)", "a checkpoint")
            }
        }
        metrics(spec, registry, problems)
    }

    /**
     * The problem of a run of [spec] that has an engine-read source but no engine: no cluster block (after `--spark`,
     * which adds one, so this is checked when the run starts, not when the file is read).
     */
    fun engineMissing(spec: ExperimentSpec, problems: Problems) {
        if (spec.data.source is DataSource.Spark && spec.cluster == null) {
            problems.add(
                sourcePath, "data read by an engine without one",
                "a \"cluster\" block, e.g. \"cluster\": {\"master\": \"local[2]\"}, or mlp run --spark local[2]", "no cluster block",
            )
        }
    }

    private fun files(source: DataSource.Spark, spec: ExperimentSpec, problems: Problems) {
        if (source.format !in RowSource.FORMATS) {
            problems.add(sourcePath.key("format"), "unknown format", JsonText.oneOf(RowSource.FORMATS), JsonText.quoted(source.format), JsonText.suggestion(source.format, RowSource.FORMATS))
        }
        if (source.path.isBlank()) problems.add(sourcePath.key("path"), "no path", "where the engine reads the files (a file, a directory or a glob)", JsonText.quoted(source.path))
        val idx = source.format == RowSource.IDX
        if (idx && source.labels.isNullOrBlank()) {
            problems.add(sourcePath.key("labels"), "IDX images without labels", "the path of the IDX label file", if (source.labels == null) "nothing" else JsonText.quoted(source.labels))
        }
        if (!idx && source.labels != null) {
            problems.add(sourcePath.key("labels"), "a label file for ${source.format} files", "no labels (name the label column in \"label\")", JsonText.quoted(source.labels))
        }
        if (idx && source.columns != null) {
            problems.add(sourcePath.key("columns"), "the table form of IDX images", "no columns (IDX files hold pixels, not named columns)", "a columns block")
        }
        val scaling = spec.data.scaling
        if (!idx && (scaling == Scaling.UNIT || scaling == Scaling.SYMMETRIC)) {
            problems.add(dataPath.key("scaling"), "pixel scaling of ${source.format} rows", "\"none\", \"standard\" or \"minmax\" (unit and symmetric scale IDX pixels)", JsonText.quoted(scaling.name.lowercase()))
        }
    }

    private fun metrics(spec: ExperimentSpec, registry: Registry, problems: Problems) {
        spec.expect.forEachIndexed { i, expectation ->
            notASum(expectation.metric, registry)?.let { problems.add(JsonPath.ROOT.key("expect").index(i).key("metric"), it) }
        }
        spec.training.callbacks.forEachIndexed { i, callback ->
            val monitor = (callback as? CallbackSpec.EarlyStopping)?.monitor ?: return@forEachIndexed
            notASum(monitor, registry)?.let { problems.add(JsonPath.ROOT.key("training").key("callbacks").index(i).key("monitor"), it) }
        }
    }

    /** Why [name] cannot be measured on engine-read rows, or null when it can (or is unknown: other checks say so). */
    private fun notASum(name: String, registry: Registry): String? {
        val metric = try {
            Monitor.metricOf(name, registry).concept().name()
        } catch (e: ConceptException) {
            return null
        }
        if (KnownNames.onTest(Monitor.normalise(name))) {
            return "$name on data read by an engine (expected a train_ or validation_ metric; got a test metric, but the engine splits off no test part)"
        }
        if (metric in ScoreMetrics.FROM_SUMS) return null
        return "$name on data read by an engine (expected a metric the engine sums on its workers: ${ScoreMetrics.FROM_SUMS.keys.joinToString(", ")}; " +
            "got $metric, which needs every row's prediction)"
    }
}
