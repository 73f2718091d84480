package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.onnx.OnnxGraph
import mlpkit.core.onnx.OnnxRuntimeRun
import mlpkit.data.table.FittedColumn
import mlpkit.data.table.RawTable
import mlpkit.dsl.Experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.train.TrainingRun
import org.apache.commons.math3.random.JDKRandomGenerator
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.io.TempDir

/**
 * Every shipped example's model (the JSON files in examples/), exported with `Model.toOnnx`, gives `Model.predict`'s outputs in ONNX
 * Runtime 1.29 (CPU) on 40 of the example's own raw rows: to 1e−5 in float32 (the rows rounded to float32 for both) and
 * to 1e−12 in float64, relative to max(1, |output|); OnnxRuntimeRun also checks the declared input and output
 * (`input`, `output`, [batch, n]). A table example (penguins) is fed its raw rows instead, one input per column
 * ([checkTable]), missing values included. Each trains for one epoch: what is checked is the network's shape, activations
 * and scalings, not its accuracy. A sweep or cross-validation exports its base experiment's model. The E4 examples
 * (MNIST, Fashion-MNIST) train on [DigitImageSet]'s MNIST-layout stand-in images, which have the same 784 pixel
 * columns and the same pixel scaling, since a test machine need not have the real IDX files.
 */
class OnnxExamplesTest {
    @TempDir
    lateinit var dir: Path

    private val examples: Path = Path.of("..", "examples").toAbsolutePath().normalize()

    @TestFactory
    fun `every shipped example's model gives predict's outputs in ONNX Runtime in float32 and float64 (E4 on stand-in MNIST-layout images)`(): List<DynamicTest> {
        val files = Files.list(examples).use { s -> s.filter { it.toString().endsWith(".json") }.sorted().toList() }
        assertTrue(files.size >= 12, "examples in $examples: $files")
        return files.map { file -> DynamicTest.dynamicTest(file.fileName.toString()) { check(oneEpochOf(file)) } }
    }

    private fun oneEpochOf(file: Path): ExperimentSpec {
        var spec = ExperimentLoader.load(file).spec
        if (DigitImageSet.readsStoredImageSet(spec)) {
            val images = dir.resolve("digit-images")
            if (!Files.isDirectory(images)) DigitImageSet.writeInto(images)
            spec = DigitImageSet.substitutedInto(spec, images)
        }
        return spec.copy(sweep = null, validation = null, training = spec.training.copy(epochs = 1))
    }

    private fun check(spec: ExperimentSpec) {
        val resolver = DataResolver(baseDirectory = examples)
        val model = TrainingRun(Experiment(spec), resolver = resolver).fit().model
        if (model.readsTables) return checkTable(spec, resolver, model)
        // The rows as predict takes them: raw (unscaled) features.
        val data = spec.data.copy(scaling = Scaling.NONE, augment = null)
        val features = resolver.resolve(data, JDKRandomGenerator(0), 0).train.features
        val rows = Array(minOf(ROWS, features.rows)) { features.row(it) }
        for (precision in OnnxGraph.Precision.values()) {
            val fed = if (precision == OnnxGraph.Precision.FLOAT32) OnnxRuntimeRun.roundedToFloat(rows) else rows
            val expected = model.predict(DenseMatrix.of(fed))
            val actual = OnnxRuntimeRun.run(model.onnxBytes(precision), fed, precision, model.inputSize, model.outputSize)
            val tolerance = if (precision == OnnxGraph.Precision.FLOAT32) 1e-5 else 1e-12
            OnnxRuntimeRun.assertClose(expected, actual, tolerance, "${spec.name} ($precision)")
        }
    }

    /**
     * A table example (penguins): its first 40 raw rows, which hold a row with every measurement missing and rows with a
     * missing sex, go to `Model.predict` as text and to the file as one tensor per column (strings for categorical
     * columns, numbers for numeric ones with NaN where the text is missing); in float32 both get each number rounded to
     * float32 (mlpkit as the text of the rounded value).
     */
    private fun checkTable(spec: ExperimentSpec, resolver: DataResolver, model: Model) {
        val pipeline = model.file.pipeline!!
        val table = resolver.loadTable(spec.data.source)!!.table
        val raw = table.rows(IntArray(minOf(ROWS, table.rowCount)) { it })
        val numeric = pipeline.columns.filterIsInstance<FittedColumn.Numeric>()
        val categorical = pipeline.columns.filterIsInstance<FittedColumn.Categorical>()
        fun field(row: Int, column: String) = raw.field(row, raw.column(column))
        assertTrue((0 until raw.rowCount).any { r -> numeric.any { pipeline.missing.isMissing(field(r, it.name)) } }, "a row with a missing number")
        assertTrue((0 until raw.rowCount).any { r -> categorical.any { pipeline.missing.isMissing(field(r, it.name)) } }, "a row with a missing category")
        for (precision in OnnxGraph.Precision.values()) {
            val single = precision == OnnxGraph.Precision.FLOAT32
            fun number(text: String): Double = if (pipeline.missing.isMissing(text)) Double.NaN else text.toDouble().let { if (single) it.toFloat().toDouble() else it }
            val fed = RawTable.of(raw.names, (0 until raw.rowCount).map { r ->
                raw.names.map { name ->
                    val text = field(r, name)
                    if (single && numeric.any { it.name == name } && !pipeline.missing.isMissing(text)) number(text).toBigDecimal().toPlainString() else text
                }
            })
            val columns = LinkedHashMap<String, Any>()
            for ((column, input) in pipeline.columns.zip(pipeline.onnxInputNames)) {
                columns[input] = when (column) {
                    is FittedColumn.Numeric -> DoubleArray(raw.rowCount) { number(field(it, column.name)) }
                    is FittedColumn.Categorical -> Array(raw.rowCount) { field(it, column.name) }
                }
            }
            val expected = model.predict(fed)
            val actual = OnnxRuntimeRun.runColumns(model.onnxBytes(precision), columns, precision, model.outputSize)
            val tolerance = if (single) 1e-5 else 1e-12
            OnnxRuntimeRun.assertClose(expected, actual, tolerance, "${spec.name} ($precision, raw rows)")
        }
    }

    private companion object {
        const val ROWS = 40
    }
}
