package mlpkit.estimator

import java.nio.file.Files
import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.csv.CsvFormatException
import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.ColumnRole
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.Imputation
import mlpkit.data.table.LabelColumn
import mlpkit.data.table.MissingValues
import mlpkit.data.table.RawTable
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The estimators on tables: a column pipeline fitted on the fit's rows, saved, reloaded and refitted in every fold. */
class TableEstimatorTest {
    private val names = listOf("island", "mass", "bill", "species")
    private val rows = listOf(
        listOf("Biscoe", "3750", "39.1", "Adelie"), listOf("Dream", "3800", "NA", "Adelie"), listOf("Biscoe", "5400", "46.5", "Gentoo"),
        listOf("Torgersen", "3250", "38.6", "Adelie"), listOf("Dream", "3700", "49.2", "Chinstrap"), listOf("Biscoe", "5000", "47.3", "Gentoo"),
        listOf("Dream", "3600", "50.0", "Chinstrap"), listOf("Biscoe", "NA", "45.1", "Gentoo"), listOf("Torgersen", "3450", "36.7", "Adelie"),
        listOf("Dream", "3900", "51.3", "Chinstrap"), listOf("Biscoe", "5700", "48.7", "Gentoo"), listOf("Dream", "3500", "37.2", "Adelie"),
    )
    private val table = RawTable.of(names, rows)
    private val options = mapOf(
        "island" to ColumnOptions.CATEGORICAL,
        "mass" to ColumnOptions(missing = Imputation.MEAN),
        "bill" to ColumnOptions(missing = Imputation.MEDIAN, scaling = ColumnScaling.MIN_MAX),
    )
    private val columns = TableColumns(options, ColumnScaling.STANDARD)

    private fun clf() = MlpClassifier(hiddenLayerSizes = listOf(4), solver = Solver.lbfgs, randomState = 0, maxIter = 30).also { it.columns = columns }

    @Test
    fun `a classifier on a table equals one fitted by hand on the pipeline's transformed matrix, bit for bit`() {
        val fitted = clf().fit(table, "species")
        val pipeline = ColumnPipeline.fit(table, listOf("island", "mass", "bill"), IntArray(rows.size) { it }, options, ColumnScaling.STANDARD, MissingValues())
        val x = pipeline.transform(table).let { m -> Array(m.rowDimension) { m.getRow(it) } }
        val byHand = clf().fit(x, rows.map { it[3] }.toTypedArray())
        assertEquals(pipeline, fitted.columnPipeline)
        assertEquals(5, fitted.nFeaturesIn, "3 islands one-hot + mass + bill")
        for (i in x.indices) assertArrayEquals(byHand.predictProba(arrayOf(x[i]))[0], fitted.predictProba(table)[i], "row $i")
        assertArrayEquals(byHand.predictNames(x), fitted.predict(table))
        assertEquals(byHand.score(x, rows.map { it[3] }.toTypedArray()), fitted.score(table, "species"))
        assertEquals(listOf("Adelie", "Chinstrap", "Gentoo"), fitted.classes)
    }

    @Test
    fun `a regressor on a table equals one fitted by hand on the transformed matrix`() {
        val reg = MlpRegressor(hiddenLayerSizes = listOf(3), solver = Solver.lbfgs, randomState = 2, maxIter = 20).also {
            it.columns = TableColumns(mapOf("bill" to ColumnOptions(missing = Imputation.MEAN)), ColumnScaling.STANDARD)
        }
        val numeric = RawTable.of(listOf("island", "bill", "mass"), rows.filter { it[1] != "NA" }.map { listOf(it[0], it[2], it[1]) })
        reg.fit(numeric, "mass")
        val pipeline = ColumnPipeline.fit(numeric, listOf("island", "bill"), IntArray(numeric.rowCount) { it }, reg.columns.options, ColumnScaling.STANDARD)
        val x = pipeline.transform(numeric).let { m -> Array(m.rowDimension) { m.getRow(it) } }
        val y = DoubleArray(numeric.rowCount) { numeric.field(it, 2).toDouble() }
        val byHand = MlpRegressor(hiddenLayerSizes = listOf(3), solver = Solver.lbfgs, randomState = 2, maxIter = 20).fit(x, y)
        assertArrayEquals(byHand.predict(x), reg.predict(numeric))
        assertEquals(byHand.score(x, y), reg.score(numeric, "mass"))
    }

    @Test
    fun `save and load keep the pipeline, so the same predictions bit for bit, from a table without the label column`() {
        val fitted = clf().fit(table, "species")
        val file = Files.createTempDirectory("table-estimator").resolve("clf.json")
        fitted.save(file)
        val loaded = MlpClassifier.load(file)
        assertEquals(fitted.columnPipeline, loaded.columnPipeline)
        val unlabelled = RawTable.of(listOf("bill", "island", "mass"), listOf(listOf("NA", "Dream", "4100"), listOf("44.0", "Torgersen", "NA")))
        val expected = fitted.predictProba(unlabelled)
        val got = loaded.predictProba(unlabelled)
        for (i in expected.indices) assertArrayEquals(expected[i], got[i], "row $i")
        assertArrayEquals(fitted.predict(unlabelled), loaded.predict(unlabelled))
    }

    @Test
    fun `an unseen category is refused naming the column and value, or encoded as zeros when ignored`() {
        val unseen = RawTable.of(names, listOf(listOf("Anvers", "3700", "40.0", "Adelie")))
        val e = assertThrows<CsvFormatException> { clf().fit(table, "species").predict(unseen) }
        assertTrue(e.message!!.startsWith("<table in memory>:2: column 'island': category 'Anvers' was not seen in the training rows"), e.message)
        val ignoring = clf().also {
            it.columns = columns.copy(options = options + ("island" to ColumnOptions(ColumnRole.CATEGORICAL, ignoreUnknown = true)))
        }.fit(table, "species")
        val features = ignoring.columnPipeline!!.transform(unseen)
        assertArrayEquals(doubleArrayOf(0.0, 0.0, 0.0), doubleArrayOf(features.getEntry(0, 0), features.getEntry(0, 1), features.getEntry(0, 2)))
        assertEquals(1, ignoring.predict(unseen).size)
    }

    @Test
    fun `a missing value in a column that refuses them, or a missing label, is an error naming where`() {
        val strict = clf().also { it.columns = TableColumns(mapOf("island" to ColumnOptions.CATEGORICAL)) }
        val e = assertThrows<CsvFormatException> { strict.fit(table, "species") }
        assertTrue(e.message!!.contains("column 'mass': missing value 'NA'"), e.message)
        val noLabel = RawTable.of(names, rows.take(3) + listOf(listOf("Dream", "3700", "40.0", "NA")))
        val l = assertThrows<IllegalArgumentException> { clf().fit(noLabel, "species") }
        assertEquals(
            "MlpClassifier: <table in memory>:5: the label column 'species' has the missing value 'NA'; expected a label in every row: " +
                "leave such rows out first (table.rows(keep))",
            l.message,
        )
        val numbers = assertThrows<IllegalStateException> { MlpClassifier(solver = Solver.lbfgs, maxIter = 2).fit(arrayOf(doubleArrayOf(0.0), doubleArrayOf(1.0)), intArrayOf(0, 1)).predict(table) }
        assertTrue(numbers.message!!.startsWith("MlpClassifier was fitted on numbers, not on a table"), numbers.message)
    }

    @Test
    fun `a table is built from rows of strings, its names and widths checked`() {
        assertEquals(listOf("a", "b"), RawTable.of(arrayOf("a", "b"), arrayOf(arrayOf("1", "x"))).names)
        val wide = assertThrows<IllegalArgumentException> { RawTable.of(listOf("a", "b"), listOf(listOf("1"))) }
        assertEquals(
            "<table in memory>: row 0 has 1 fields, but there are 2 column names (a, b): give every row one field per column (an empty string or NA for a missing value)",
            wide.message,
        )
        assertThrows<IllegalArgumentException> { RawTable.of(listOf("a", "a"), listOf(listOf("1", "2"))) }
    }

    @Test
    fun `penguins cross-validates with the pipeline refitted inside each fold, and a grid search runs on the table`() {
        val builtIn = BuiltInSets.find("penguins")!!.table!!
        val raw = builtIn.read().let { it.rows(LabelColumn.read(it, builtIn.label).kept) }
        val estimator = MlpClassifier(hiddenLayerSizes = listOf(8), solver = Solver.lbfgs, randomState = 0, maxIter = 60).also {
            it.columns = TableColumns(builtIn.options, ColumnScaling.STANDARD)
        }
        val result = crossValidate(estimator, raw, builtIn.label, folds = 3)
        assertEquals(3, result.testScores.size)
        assertTrue(result.testScores.all { it > 0.9 }, "penguins accuracies ${result.testScores.toList()}")
        // Fold 0 by hand: a clone fitted on the fold's training rows of the table (its own pipeline), scored on the rest.
        val fold = result.folds[0]
        val byHand = clone(estimator).fit(raw.rows(fold.train), builtIn.label)
        assertEquals(byHand.score(raw.rows(fold.validation), builtIn.label), result.testScores[0])
        val search = GridSearch(estimator, mapOf("alpha" to listOf(1e-4, 1.0)), cv = 3).fit(raw, builtIn.label)
        assertEquals(result.testScores.average(), search.searchResults.meanTestScore[0], 1e-12)
        assertNotNull(search.bestEstimator.columnPipeline)
    }
}
