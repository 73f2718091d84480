package mlpkit.data.table

import mlpkit.core.onnx.OnnxExport
import mlpkit.core.onnx.OnnxGraph
import mlpkit.core.onnx.OnnxRuntimeRun
import mlpkit.data.scaling.MinMaxScaler
import mlpkit.data.scaling.StandardScaler
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/**
 * The column pipeline's ONNX form alone (no network), worked by hand and run in ONNX Runtime 1.29: a numeric column
 * imputed with 4000 and standardised (mean 4000, scale 500), a categorical one imputed with 'Dream' and one-hot over
 * Biscoe, Dream, Torgersen, and a numeric one that refuses missing values, min-max scaled from [2007, 2009]. Every
 * value is exact in float32, so both precisions must give the hand-worked numbers exactly.
 */
class ColumnPipelineOnnxTest {
    private val pipeline = ColumnPipeline(
        listOf(
            FittedColumn.Numeric("body mass (g)", false, Imputation.MEAN, 4000.0, ColumnScaling.STANDARD, StandardScaler(1, listOf(4000.0), listOf(500.0))),
            FittedColumn.Categorical("island", false, Imputation.MOST_FREQUENT, "Dream", listOf("Biscoe", "Dream", "Torgersen")),
            FittedColumn.Numeric("year", false, Imputation.REFUSE, null, ColumnScaling.MIN_MAX, MinMaxScaler(0.0, 1.0, listOf(2007.0), listOf(2009.0))),
        ),
    )

    private fun onnx(precision: OnnxGraph.Precision): ByteArray {
        val graph = OnnxGraph(precision)
        val features = pipeline.toOnnx(graph)
        return graph.encode(features, OnnxExport.OUTPUT, pipeline.width, "the column pipeline alone", emptyMap())
    }

    private fun run(precision: OnnxGraph.Precision, mass: DoubleArray, island: Array<String>, year: DoubleArray): Array<DoubleArray> =
        OnnxRuntimeRun.runColumns(onnx(precision), linkedMapOf<String, Any>("body_mass__g_" to mass, "island" to island, "year" to year), precision, pipeline.width)

    @Test
    fun `one-hot, imputation and scaling give the hand-worked features in ONNX Runtime, as the pipeline gives them`() {
        val mass = doubleArrayOf(4500.0, Double.NaN, 3000.0)
        val island = arrayOf("Biscoe", "NA", "")
        val year = doubleArrayOf(2008.0, 2007.0, 2009.0)
        val expected = arrayOf(
            doubleArrayOf(1.0, 1.0, 0.0, 0.0, 0.5), // (4500 − 4000) / 500; Biscoe; (2008 − 2007) / 2
            doubleArrayOf(0.0, 0.0, 1.0, 0.0, 0.0), // missing mass → 4000; 'NA' → Dream
            doubleArrayOf(-2.0, 0.0, 1.0, 0.0, 1.0), // an empty island → Dream
        )
        val table = RawTable.of(listOf("year", "island", "body mass (g)"), listOf(listOf("2008", "Biscoe", "4500"), listOf("2007", "NA", "NA"), listOf("2009", "", "3000")))
        val mlpkit = pipeline.transform(table)
        for (i in expected.indices) assertArrayEquals(expected[i], mlpkit.getRow(i), 0.0, "mlpkit's row $i")
        for (precision in OnnxGraph.Precision.values()) {
            val actual = run(precision, mass, island, year)
            for (i in expected.indices) assertArrayEquals(expected[i], actual[i], 0.0, "ONNX row $i ($precision)")
        }
    }

    @Test
    fun `an unknown category is all zeros and a missing number without a fill stays NaN in ONNX, where mlpkit refuses the row`() {
        val actual = run(OnnxGraph.Precision.FLOAT32, doubleArrayOf(4250.0, 4000.0), arrayOf("Mars", "Torgersen"), doubleArrayOf(2008.0, Double.NaN))
        assertArrayEquals(doubleArrayOf(0.5, 0.0, 0.0, 0.0, 0.5), actual[0], 0.0)
        assertArrayEquals(doubleArrayOf(0.0, 0.0, 0.0, 1.0), actual[1].copyOf(4), 0.0)
        assertEquals(true, actual[1][4].isNaN(), "year NaN, no fill: ${actual[1][4]}")
        val unknown = RawTable.of(listOf("body mass (g)", "island", "year"), listOf(listOf("4250", "Mars", "2008")))
        val refusal = org.junit.jupiter.api.assertThrows<mlpkit.data.csv.CsvFormatException> { pipeline.transform(unknown) }
        assertEquals(true, refusal.message!!.contains("category 'Mars' was not seen"), refusal.message)
    }

    @Test
    fun `with ignoreUnknown mlpkit gives the same all-zeros row as ONNX for an unknown category`() {
        val ignoring = pipeline.copy(columns = pipeline.columns.map { if (it is FittedColumn.Categorical) it.copy(ignoreUnknown = true) else it })
        val table = RawTable.of(listOf("body mass (g)", "island", "year"), listOf(listOf("4250", "Mars", "2008")))
        assertArrayEquals(doubleArrayOf(0.5, 0.0, 0.0, 0.0, 0.5), ignoring.transform(table).getRow(0), 0.0)
    }
}
