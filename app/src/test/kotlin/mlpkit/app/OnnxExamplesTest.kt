package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.onnx.OnnxGraph
import mlpkit.core.onnx.OnnxRuntimeRun
import mlpkit.dsl.Experiment
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
 * (`input`, `output`, [batch, n]). Each trains for one epoch: what is checked is the network's shape, activations
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
        // The rows as predict takes them: raw (unscaled) features, or a table's pipeline features.
        val data = if (model.readsTables) spec.data else spec.data.copy(scaling = Scaling.NONE, augment = null)
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

    private companion object {
        const val ROWS = 40
    }
}
