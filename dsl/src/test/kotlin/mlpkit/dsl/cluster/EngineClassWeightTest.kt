package mlpkit.dsl.cluster

import mlpkit.data.ClassLabels
import mlpkit.dsl.Experiment
import mlpkit.dsl.ExperimentBuilder
import mlpkit.dsl.experiment
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.train.SeedStreams
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.abs
import kotlin.math.max

/**
 * `training.classWeight` on rows the engine reads itself ([InProcessEngine]'s `load`): the same weights, and the same
 * training, as a local run of the same rows from a csv file.
 */
class EngineClassWeightTest {
    /** Imbalanced moons: every class-0 row and every third class-1 row, with sample weights 0.5 … 2.3. */
    private class Rows(val features: List<DoubleArray>, val labels: List<String>, val weights: DoubleArray) {
        /** The rows as a csv file in [dir], with a column `w` of the sample weights when [weighted]. */
        fun csv(dir: Path, weighted: Boolean): String = Files.writeString(
            dir.resolve("moons.csv"),
            buildString {
                append(if (weighted) "x1,x2,w,label\n" else "x1,x2,label\n")
                features.forEachIndexed { i, x -> append("${x[0]},${x[1]},${if (weighted) "${weights[i]}," else ""}${labels[i]}\n") }
            },
        ).toString()
    }

    private fun rows(): Rows {
        val spec = experiment("moons") { data { moons(samples = 120, noise = 0.2, randomState = 0) }; network { dense(2, softmax) }; training { loss = softmaxCrossEntropy } }.spec
        val data = DataResolver().resolve(spec.data, SeedStreams(spec.training.seed).split(), SeedStreams(spec.training.seed).dataSeed)
        val x = data.train.features.toMatrix()
        val targets = data.train.targets as ClassLabels
        val kept = (0 until x.rowDimension).filter { targets.labels[it] == 0 || it % 3 == 0 }
        return Rows(
            kept.map { r -> DoubleArray(x.columnDimension) { x.getEntry(r, it) } },
            kept.map { targets.classNames[targets.labels[it]] },
            DoubleArray(kept.size) { 0.5 + (it * 7 % 10) / 5.0 },
        )
    }

    private fun run(source: ExperimentBuilder.() -> Unit, weighting: ExperimentBuilder.() -> Unit, engine: Boolean): Experiment = experiment("moons") {
        source()
        network { dense(8, tanh); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 15; seed = 3 }
        weighting()
        if (engine) cluster { this.engine = InProcessEngine.NAME; master = "here"; partitions = 3 }
    }

    private fun relative(a: Double, b: Double) = abs(a - b) / max(1.0, abs(b))

    private fun assertSameTraining(local: TrainingResult, loaded: TrainingResult) {
        assertEquals(local.epochs, loaded.epochs)
        assertEquals((local.reason as StopReason.SolverStopped).evaluations, assertInstanceOf(StopReason.SolverStopped::class.java, loaded.reason).evaluations)
        val losses = loaded.history.map { it.metrics.getValue("train_loss") }
        local.history.map { it.metrics.getValue("train_loss") }.forEachIndexed { i, b -> assertTrue(relative(losses[i], b) < 1e-9, "epoch ${i + 1}: ${losses[i]} vs $b") }
        val parameters = loaded.parameters()
        local.parameters().forEachIndexed { i, p -> assertTrue(relative(parameters[i], p) < 1e-9, "parameter $i: ${parameters[i]} vs $p") }
    }

    @Test
    fun `balanced class weights on loaded rows are counted over the training rows and train as the local run does`(@TempDir dir: Path) {
        val moons = rows()
        val csv = moons.csv(dir, weighted = false)
        InProcessEngine.FILES["mem://moons-balanced"] = InProcessEngine.Table(moons.features, moons.labels)
        val balanced: ExperimentBuilder.() -> Unit = { training { classWeight = balanced } }
        val local = TrainingRun(run({ data { csv(csv, header = true, label = "label") } }, balanced, engine = false)).fit()
        val loaded = TrainingRun(run({ data { spark("parquet", "mem://moons-balanced") } }, balanced, engine = true)).on(InProcessEngine()).fit()
        val n = moons.labels.size.toDouble()
        val expected = listOf("0", "1").associateWith { c -> n / (2 * moons.labels.count { it == c }) }
        assertEquals(expected, local.weights!!.perClass)
        assertEquals(expected, loaded.weights!!.perClass)
        assertTrue(expected.getValue("1") > 1.5, "the minority class weighs more: $expected")
        assertEquals(local.weights.describe("balanced"), loaded.weights.describe("balanced"))
        assertSameTraining(local, loaded)
    }

    @Test
    fun `given class weights times sample weights on loaded rows train as the local run does, normalised by rows`(@TempDir dir: Path) {
        val moons = rows()
        val csv = moons.csv(dir, weighted = true)
        InProcessEngine.FILES["mem://moons-given"] = InProcessEngine.Table(moons.features, moons.labels, weights = moons.weights)
        val given: ExperimentBuilder.() -> Unit = { training { classWeight("1" to 2.5); weightNormalization = rows } }
        val local = TrainingRun(run({ data { csv(csv, header = true, label = "label", sampleWeight = "w") } }, given, engine = false)).fit()
        val loaded = TrainingRun(run({ data { spark("csv", "mem://moons-given") { sampleWeight("w") } } }, given, engine = true)).on(InProcessEngine()).fit()
        assertEquals(mapOf("0" to 1.0, "1" to 2.5), loaded.weights!!.perClass)
        assertTrue(loaded.weights.sampleWeights)
        assertEquals(local.weights!!.describe("{1: 2.5}"), loaded.weights.describe("{1: 2.5}"))
        assertSameTraining(local, loaded)
    }

    @Test
    fun `a given class weight naming a class the loaded rows lack is refused, naming the classes found`() {
        val moons = rows()
        InProcessEngine.FILES["mem://moons-unknown"] = InProcessEngine.Table(moons.features, moons.labels)
        val error = assertThrows<IllegalArgumentException> {
            TrainingRun(run({ data { spark("parquet", "mem://moons-unknown") } }, { training { classWeight("Adelie" to 2.0) } }, engine = true)).on(InProcessEngine()).fit()
        }
        assertEquals("classWeight names 'Adelie', which the data has no class of: expected class names among '0', '1'", error.message)
    }
}
