package mlpkit.dsl.model

import mlpkit.core.distributed.TrainedModel
import mlpkit.core.distributed.TrainedModelReader
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.generators.makeMoons
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.TableReader
import mlpkit.dsl.experiment
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

/** A saved model read back through core's ServiceLoader seam ([TrainedModelReader]) predicts as [Model.predict]. */
class TrainedModelReaderTest {
    @TempDir
    lateinit var dir: Path

    private fun throughReader(model: Model): TrainedModel {
        val path = dir.resolve("model.json")
        model.save(path)
        assertInstanceOf(ModelFileReader::class.java, TrainedModelReader.find())
        return TrainedModel.read(path)
    }

    private fun outputs(model: TrainedModel, raw: DenseMatrix): DenseMatrix =
        model.predict(model.network(), raw.copy(), raw.rowDimension).copy()

    @Test
    fun `a saved softmax classifier with standard input scaling reads back through the ServiceLoader to the same outputs, classes and probabilities`() {
        val model = TrainingRun(
            experiment("moons") {
                data { moons(samples = 120, noise = 0.2, randomState = 2); split(test = 0.25); scaling = standard }
                network { dense(8, tanh); dense(2, softmax) }
                training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.02); epochs = 10; batchSize = 16; seed = 5 }
            },
        ).fit().model
        val raw = makeMoons(50, noise = 0.3, randomState = 9).features.toMatrix()
        val read = throughReader(model)
        val out = outputs(read, raw)
        assertArrayEquals(model.predict(raw).data(), out.data(), 0.0)
        assertEquals(listOf("0", "1"), read.classNames())
        assertArrayEquals(model.predictClasses(raw), IntArray(raw.rowDimension) { TrainedModel.predictedClass(out, it) })
        val proba = model.predictProba(raw)
        for (i in 0 until raw.rowDimension) assertArrayEquals(proba.getRow(i), TrainedModel.probabilities(out, i), 0.0)
        assertNull(read.pipelineJson())
    }

    @Test
    fun `a saved regression model with min-max inputs and standard target scaling reads back to the same values in the targets' units`() {
        val model = TrainingRun(
            experiment("diabetes") {
                data { diabetes(); split(test = 0.2, randomState = 42); scaling = minMax; targetScaling = standard }
                network { dense(8, tanh); dense(1, identity) }
                training { loss = mse; optimizer = adam(lr = 0.01); epochs = 5; batchSize = 32; seed = 3 }
            },
        ).fit().model
        val raw = makeMoons(30, noise = 0.3, randomState = 1).features.toMatrix().let { two ->
            DenseMatrix(30, model.inputSize).also { m -> for (i in 0 until 30) for (j in 0 until model.inputSize) m.setEntry(i, j, two.getEntry(i, j % 2) * (j + 1)) }
        }
        val read = throughReader(model)
        assertNull(read.classNames())
        assertArrayEquals(model.predict(raw).data(), outputs(read, raw).data(), 0.0)
    }

    @Test
    fun `a saved table model carries its column pipeline as JSON that decodes to the same pipeline and features`() {
        val table = TrainedModelReaderTest::class.java.getResourceAsStream("/mlpkit/data/tabular/penguins.csv")!!
            .bufferedReader().use { TableReader.read(it, "penguins.csv") }
        val csv = dir.resolve("penguins.csv").also { java.nio.file.Files.copy(TrainedModelReaderTest::class.java.getResourceAsStream("/mlpkit/data/tabular/penguins.csv")!!, it) }
        val model = TrainingRun(
            experiment("penguins") {
                data {
                    csv(csv.toString(), label = "species") {
                        categorical("island"); column("sex", categorical = true, missing = mostFrequent)
                        column("bill_length_mm", missing = mean); column("bill_depth_mm", missing = mean)
                        column("flipper_length_mm", missing = median); column("body_mass_g", missing = mean)
                    }
                    split(test = 0.25, randomState = 0); scaling = standard
                }
                network { dense(6, tanh); dense(3, softmax) }
                training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.02); epochs = 5; batchSize = 32; seed = 3 }
            },
        ).fit().model
        val read = throughReader(model)
        val pipeline = ColumnPipeline.fromJson(read.pipelineJson()!!)
        assertEquals(model.file.pipeline, pipeline)
        assertEquals(listOf("Adelie", "Chinstrap", "Gentoo"), read.classNames())
        assertEquals(pipeline.featureNames, read.featureNames())
        val features = pipeline.transform(table)
        assertArrayEquals(model.predict(table).data(), outputs(read, features).data(), 0.0)
    }
}
