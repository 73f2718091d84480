package mlpkit.dsl.resolve

import mlpkit.core.distributed.RowSource
import mlpkit.core.distributed.TargetLayout
import mlpkit.core.distributed.TableColumns
import mlpkit.core.loss.Loss
import mlpkit.data.table.ColumnOptionsSerializer
import mlpkit.data.table.MissingValues
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.TrainingSpec
import mlpkit.core.distributed.InputScaling as EngineScaling

/**
 * Core's [RowSource] of a [DataSource.Spark] spec: its files (or [frame], a data frame handed in code, for format
 * [DataSource.Spark.FRAME]), columns and reader options; the label's [TargetLayout] from the loss and the network's
 * [outputs] as local data chooses its encoding ([chooseTargetEncoding]); `training.classWeight` (the engine counts the
 * balanced weights over its training rows); `split.validation` with `randomState`, else
 * [splitSeed]; and `scaling` fitted by the engine (IDX pixels by the reader). With `columns` the source is a table
 * ([TableColumns]): the options as a CSV table writes them, the default missing texts, and `scaling` as the pipeline's
 * default numeric scaling, as a local table fits it (DataResolver.fitTable); the engine then scales nothing else.
 */
internal object EngineRowSource {
    /** What each pixel scaling is called by core's IDX reader ([RowSource.IDX_PIXELS]). */
    private val PIXELS = mapOf(Scaling.UNIT to "unit", Scaling.SYMMETRIC to "symmetric")
    private const val RAW_PIXELS = "raw"

    fun of(data: DataSpec, training: TrainingSpec, outputs: Int, splitSeed: Long, frame: Any?, notation: String): RowSource {
        val loss = training.loss
        val source = data.source as DataSource.Spark
        var rows = if (source.format == DataSource.Spark.FRAME) {
            RowSource.frame(
                frame ?: throw IllegalArgumentException(
                    "data.source.format \"${DataSource.Spark.FRAME}\" is a data frame passed in code (fitDistributed), but none was passed: " +
                        "in JSON name files, one of ${RowSource.FORMATS.joinToString(", ")}",
                ),
            )
        } else {
            RowSource.files(source.format, source.path)
        }
        for ((key, value) in source.options) rows = rows.withOption(key, value)
        val idx = source.format == RowSource.IDX
        if (idx) {
            source.labels?.let { rows = rows.withOption(RowSource.IDX_LABELS, it) }
            rows = rows.withOption(RowSource.IDX_PIXELS, PIXELS[data.scaling] ?: RAW_PIXELS)
        } else if (source.columns == null) {
            rows = rows.withFeatures(*source.features.toTypedArray())
        }
        rows = rows.withLabel(source.label, layout(loss, outputs, notation)).withWeight(source.sampleWeight)
        training.classWeight?.let { weighting ->
            require(rows.layout().classes()) {
                "training.classWeight weighs classes, but label column '${source.label}' is read as real values (loss ${loss.notation()}): " +
                    "remove classWeight, or give the rows sample weights (data.source.sampleWeight)"
            }
            rows = rows.withClassWeights(weighting.toCore())
        }
        if (data.split.validation > 0) rows = rows.withValidation(data.split.validation, data.split.randomState ?: splitSeed)
        val columns = source.columns ?: return rows.withScaling(fitted(data.scaling))
        return rows.withColumns(TableColumns(ColumnOptionsSerializer.write(columns), MissingValues.DEFAULT_TOKENS, fitted(data.scaling)))
    }

    /** The engine's scaling for [scaling]; pixel scalings are the IDX reader's, not fitted. */
    fun fitted(scaling: Scaling): EngineScaling = when (scaling) {
        Scaling.STANDARD -> EngineScaling.STANDARD
        Scaling.MIN_MAX -> EngineScaling.MINMAX
        Scaling.NONE, Scaling.UNIT, Scaling.SYMMETRIC -> EngineScaling.NONE
    }

    /**
     * Real values for a loss of values; else one output per class, or a single 0/1 output (two classes) when the
     * network has one output and the loss takes a 0/1 column.
     */
    fun layout(loss: Loss, outputs: Int, notation: String): TargetLayout = when {
        loss.targets() == Loss.Targets.VALUES -> TargetLayout.VALUES
        outputs > 1 -> TargetLayout.ONE_HOT
        loss.targets() == Loss.Targets.ONE_HOT -> throw IllegalArgumentException(
            "$notation has 1 output, but ${loss.notation()} needs one output per class: end with dense(classes, softmax), or use one sigmoid output with loss bce",
        )
        else -> TargetLayout.BINARY
    }

    /** The pixel scaling stored with a model of IDX rows, or null. */
    fun pixels(scaling: Scaling): PixelRange? = when (scaling) {
        Scaling.UNIT -> PixelRange.UNIT
        Scaling.SYMMETRIC -> PixelRange.SYMMETRIC
        else -> null
    }
}
