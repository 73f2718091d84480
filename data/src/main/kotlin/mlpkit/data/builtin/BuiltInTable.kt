package mlpkit.data.builtin

import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.ColumnRole
import mlpkit.data.table.Imputation
import mlpkit.data.table.LabelColumn
import mlpkit.data.table.RawTable
import mlpkit.data.table.TableReader

/** Where the shipped tables (penguins) sit inside the jar, with their PROVENANCE.md and SHA256SUMS. */
const val TABULAR_RESOURCES = "/mlpkit/data/tabular"

/**
 * A built-in set kept as a table of text ([RawTable]): its [label] column, and the column [options] it is trained
 * with unless told otherwise (columns not named are inferred: a column with text is categorical).
 */
class BuiltInTable internal constructor(val label: String, val options: Map<String, ColumnOptions>, private val file: String) {
    /** The table as shipped. */
    fun read(): RawTable {
        val path = "$TABULAR_RESOURCES/$file"
        val stream = Dataset::class.java.getResourceAsStream(path)
            ?: throw IllegalStateException("the built-in data file $path is missing from the class path: the mlpkit-data jar is incomplete, rebuild it")
        return stream.bufferedReader(Charsets.UTF_8).use { TableReader.read(it, file) }
    }

    /** The feature columns: every column but the label. */
    fun featureColumns(table: RawTable): List<String> = table.names.filter { it != label }

    /**
     * The whole set through a pipeline fitted on every row (rows without a label left out): for inspection only —
     * training fits the pipeline on its training rows alone.
     */
    fun dataset(name: String): Dataset {
        val table = read()
        val targets = LabelColumn.read(table, label)
        val kept = table.rows(targets.kept)
        val pipeline = ColumnPipeline.fit(kept, featureColumns(kept), IntArray(kept.rowCount) { it }, options)
        return Dataset(name, DenseFeatures(pipeline.transform(kept)), targets.targets)
    }

    internal companion object {
        /**
         * Palmer penguins: species from the other columns; missing measurements filled with the training mean and a
         * missing sex with the most frequent one (scikit-learn's `SimpleImputer` strategies `mean` and `most_frequent`).
         */
        val PENGUINS = BuiltInTable(
            "species",
            listOf("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g").associateWith { ColumnOptions(missing = Imputation.MEAN) } +
                mapOf("sex" to ColumnOptions(ColumnRole.CATEGORICAL, Imputation.MOST_FREQUENT)),
            "penguins.csv",
        )
    }
}
