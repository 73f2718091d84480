package mlpkit.data.table

import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.onnx.OnnxAttribute
import mlpkit.core.onnx.OnnxExport
import mlpkit.core.onnx.OnnxGraph
import mlpkit.core.onnx.OnnxProto
import mlpkit.data.DenseFeatures
import mlpkit.data.csv.CsvFormatException
import mlpkit.data.scaling.MinMaxScaler
import mlpkit.data.scaling.StandardScaler

/**
 * Turns a table's text columns into the network's features, per column in [columns] order: numeric columns are
 * imputed, then scaled; categorical ones imputed, then one-hot encoded ([FittedColumn]). Every statistic (fill
 * values, scalers, categories) comes from the training rows given to [fit]; [transform] applies them to any rows —
 * a validation or test part, or a file to predict, matched by column name, so it may lack the target column or
 * order its columns differently. [missing] says which texts are missing values. Saved in the model file.
 */
@Serializable
data class ColumnPipeline(val columns: List<FittedColumn>, val missing: MissingValues = MissingValues()) {
    /** The number of features the pipeline makes: the network's input size. */
    val width: Int get() = columns.sumOf { it.width }

    /** The features' names in order: a numeric column's name, `island=Biscoe` for each category. */
    val featureNames: List<String> get() = columns.flatMap { it.featureNames }

    /**
     * The ONNX graph input of each column, in [columns] order: its name when that is an identifier, as ONNX asks,
     * otherwise made one ([OnnxGraph.identifiers]; `bill length (mm)` → `bill_length__mm_`).
     */
    val onnxInputNames: List<String> get() = OnnxGraph.identifiers(columns.map { it.name }, setOf(OnnxExport.OUTPUT))

    /**
     * The pipeline as ONNX nodes (what [transform] does, for raw rows): one graph input per column named
     * [onnxInputNames], [batch, 1], numbers in the graph's element type (NaN for a missing value), text as strings;
     * each column's own form ([FittedColumn.Numeric.toOnnx], [FittedColumn.Categorical.toOnnx]); then `Concat` in
     * [featureNames] order. Returns the name of the [batch, [width]] features.
     */
    fun toOnnx(graph: OnnxGraph): String {
        val inputs = columns.zip(onnxInputNames).map { (column, name) ->
            graph.input(name, if (column is FittedColumn.Categorical) OnnxProto.Tensor.STRING else graph.elementType(), 1)
        }
        val parts = columns.mapIndexed { c, column ->
            graph.enter("column${c + 1}", "column '${column.name}'")
            when (column) {
                is FittedColumn.Numeric -> column.toOnnx(graph, inputs[c])
                is FittedColumn.Categorical -> column.toOnnx(graph, inputs[c], missing)
            }
        }
        graph.enter("pipeline", "the column pipeline")
        return if (parts.size == 1) parts[0] else graph.node("Concat", parts, OnnxAttribute.integer("axis", 1))
    }

    /** The pipeline as JSON text ([fromJson] reads it back equal): how it travels to a cluster's workers. */
    fun toJson(): String = Json.encodeToString(serializer(), this)

    /** One line per column (role and whether it was inferred, imputation, encoding), for the run to print. */
    fun describe(): String = columns.joinToString("\n") { it.describe() }

    /** The features of rows [rows] of [table] (every row when null), one row each, as a new matrix. */
    @JvmOverloads
    fun transform(table: RawTable, rows: IntArray? = null): DenseMatrix {
        val order = rows ?: IntArray(table.rowCount) { it }
        val positions = columns.map { table.column(it.name) }
        val out = DenseMatrix(order.size, width)
        var offset = 0
        for ((c, column) in columns.withIndex()) {
            val position = positions[c]
            when (column) {
                is FittedColumn.Numeric -> {
                    val values = DenseMatrix(order.size, 1)
                    for ((i, r) in order.withIndex()) {
                        val text = table.field(r, position)
                        values.setEntry(i, 0, column.value(text, missing.isMissing(text), FittedColumn.Where(table.source, table.line(r))))
                    }
                    column.scaler?.transformInPlace(values)
                    for (i in order.indices) out.setEntry(i, offset, values.getEntry(i, 0))
                }
                is FittedColumn.Categorical -> for ((i, r) in order.withIndex()) {
                    val text = table.field(r, position)
                    val k = column.index(text, missing.isMissing(text), FittedColumn.Where(table.source, table.line(r)))
                    if (k >= 0) out.setEntry(i, offset + k, 1.0)
                }
            }
            offset += column.width
        }
        return out
    }

    companion object {
        /** The pipeline written by [toJson]. */
        @JvmStatic
        fun fromJson(text: String): ColumnPipeline = Json.decodeFromString(serializer(), text)

        /**
         * Fits a pipeline on rows [trainRows] of [table] (pass the training rows only) for the feature columns
         * [features] (names, in the order the features are to have); [options] holds the user's choices per column
         * name (a column not in it is inferred and refuses missing values); a numeric column without a scaling of
         * its own is scaled by [defaultScaling].
         */
        @JvmStatic
        @JvmOverloads
        fun fit(
            table: RawTable,
            features: List<String>,
            trainRows: IntArray,
            options: Map<String, ColumnOptions> = emptyMap(),
            defaultScaling: ColumnScaling = ColumnScaling.NONE,
            missing: MissingValues = MissingValues(),
        ): ColumnPipeline {
            require(trainRows.isNotEmpty()) { "${table.source}: no training rows to fit the column pipeline on" }
            options.keys.firstOrNull { it !in features }?.let { name ->
                throw CsvFormatException(
                    "${table.source}: data.source.columns names '$name', which is not a feature column; the feature columns are " +
                        "${features.joinToString(", ") { "'$it'" }}",
                    table.source,
                    null,
                )
            }
            return ColumnPipeline(features.map { name -> fitColumn(table, name, trainRows, options[name] ?: ColumnOptions(), defaultScaling, missing) }, missing)
        }

        private fun fitColumn(
            table: RawTable,
            name: String,
            rows: IntArray,
            options: ColumnOptions,
            defaultScaling: ColumnScaling,
            missing: MissingValues,
        ): FittedColumn {
            val position = table.column(name)
            val role = options.role ?: ColumnRole.infer(table, position, rows, missing)
            val inferred = options.role == null
            val present = rows.filter { !missing.isMissing(table.field(it, position)) }
            if (options.missing != Imputation.REFUSE && options.missing != Imputation.CONSTANT && present.isEmpty()) {
                throw CsvFormatException(
                    "${table.source}: column '$name': every training row is missing, so there is nothing to impute ${options.missing.word} from: " +
                        "drop the column or set \"missing\": \"constant\" with a \"fill\"",
                    table.source,
                    null,
                )
            }
            return when (role) {
                ColumnRole.NUMERIC -> {
                    val probe = FittedColumn.Numeric(name, inferred, Imputation.REFUSE, null, ColumnScaling.NONE, null)
                    val values = present.map { r -> probe.value(table.field(r, position), false, FittedColumn.Where(table.source, table.line(r))) }.toDoubleArray()
                    val fill: Double? = when (options.missing) {
                        Imputation.REFUSE -> null
                        Imputation.MEAN -> ColumnStatistics.mean(values)
                        Imputation.MEDIAN -> ColumnStatistics.median(values)
                        Imputation.MOST_FREQUENT -> ColumnStatistics.mostFrequent(values.toList())
                        Imputation.CONSTANT -> options.fill?.let { mlpkit.data.csv.parseDecimalOrNull(it) } ?: throw CsvFormatException(
                            "${table.source}: column '$name': \"missing\": \"constant\" needs a number as \"fill\" for a numeric column, got " +
                                (options.fill?.let { "'$it'" } ?: "none") + ": add \"fill\": 0 (or another number)",
                            table.source,
                            null,
                        )
                    }
                    val unscaled = FittedColumn.Numeric(name, inferred, options.missing, fill, ColumnScaling.NONE, null)
                    // Statistics of the imputed training column, as a Pipeline(SimpleImputer, StandardScaler) fits them.
                    val imputed = DenseMatrix(rows.size, 1)
                    for ((i, r) in rows.withIndex()) {
                        val text = table.field(r, position)
                        imputed.setEntry(i, 0, unscaled.value(text, missing.isMissing(text), FittedColumn.Where(table.source, table.line(r))))
                    }
                    val scaling = options.scaling ?: defaultScaling
                    val scaler = when (scaling) {
                        ColumnScaling.STANDARD -> StandardScaler.fit(DenseFeatures(imputed))
                        ColumnScaling.MIN_MAX -> MinMaxScaler.fit(DenseFeatures(imputed))
                        ColumnScaling.NONE -> null
                    }
                    FittedColumn.Numeric(name, inferred, options.missing, fill, scaling, scaler)
                }
                ColumnRole.CATEGORICAL -> {
                    require(options.missing.forCategorical) {
                        "column '$name' is categorical, so its missing values cannot be filled with the ${options.missing.word}: " +
                            "expected one of ${Imputation.wordsFor(ColumnRole.CATEGORICAL).joinToString(", ")}"
                    }
                    val fill: String? = when (options.missing) {
                        Imputation.MOST_FREQUENT -> ColumnStatistics.mostFrequent(present.map { table.field(it, position) })
                        Imputation.CONSTANT -> options.fill ?: throw CsvFormatException(
                            "${table.source}: column '$name': \"missing\": \"constant\" needs a \"fill\" value: add \"fill\": \"missing\" (or another text)",
                            table.source,
                            null,
                        )
                        else -> null
                    }
                    val seen = sortedSetOf<String>()
                    for (r in rows) {
                        val text = table.field(r, position)
                        if (!missing.isMissing(text)) seen += text
                        else seen += fill ?: FittedColumn.Where(table.source, table.line(r)).refuse(name, text, ColumnRole.CATEGORICAL)
                    }
                    FittedColumn.Categorical(name, inferred, options.missing, fill, seen.toList(), options.ignoreUnknown)
                }
            }
        }
    }
}
