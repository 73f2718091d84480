package mlpkit.dsl.resolve

import mlpkit.core.metrics.R2
import mlpkit.data.RegressionTargets
import mlpkit.data.random.RandomState
import mlpkit.data.scaling.MinMaxScaler
import mlpkit.data.scaling.StandardScaler
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.SplitSpec
import mlpkit.dsl.spec.TargetScaling
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.sqrt

class TargetScalingTest {
    @TempDir
    lateinit var dir: Path

    /** y = 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population standard deviation 2, range 2..9. */
    private fun csvSpec(scaling: TargetScaling, split: SplitSpec = SplitSpec()): DataSpec {
        val ys = listOf(2, 4, 4, 4, 5, 5, 7, 9)
        Files.writeString(dir.resolve("y.csv"), "x,y\n" + ys.mapIndexed { i, y -> "$i,$y" }.joinToString("\n") + "\n")
        return DataSpec(DataSource.Csv("y.csv", regression = true), split, targetScaling = scaling)
    }

    private fun targets(data: mlpkit.data.Dataset): List<Double> = (data.targets as RegressionTargets).values.data().toList()

    @Test
    fun `standard target scaling maps 2, 4, 4, 4, 5, 5, 7, 9 to (y - 5) over 2, fitted on the training rows`() {
        val data = DataResolver(dir).resolve(csvSpec(TargetScaling.STANDARD), RandomState(0), 0)
        assertEquals(StandardScaler(1, listOf(5.0), listOf(2.0)), data.targetScaler)
        assertEquals(listOf(-1.5, -0.5, -0.5, -0.5, 0.0, 0.0, 1.0, 2.0), targets(data.train))
    }

    @Test
    fun `min-max target scaling maps the training range 2 to 9 onto 0 to 1`() {
        val data = DataResolver(dir).resolve(csvSpec(TargetScaling.MIN_MAX), RandomState(0), 0)
        assertTrue(data.targetScaler is MinMaxScaler)
        // scikit-learn's x · scale + min rounds in the last bit (1 − 2⁻⁵³ for the maximum), hence the 1e-15.
        val expected = doubleArrayOf(0.0, 2.0 / 7, 2.0 / 7, 2.0 / 7, 3.0 / 7, 3.0 / 7, 5.0 / 7, 1.0)
        assertArrayEquals(expected, targets(data.train).toDoubleArray(), 1e-15)
    }

    @Test
    fun `the scaler is fitted on the training rows only and applied to the test rows`() {
        // scikit-learn's split of 8 rows with test 0.25, random_state 0 (test rows are the first 2 of permutation(8)).
        val data = DataResolver(dir).resolve(csvSpec(TargetScaling.STANDARD, SplitSpec(test = 0.25, randomState = 0)), RandomState(0), 0)
        val all = listOf(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0)
        val trainY = data.splitIndices!!.train.map { all[it] }
        val mean = trainY.average()
        val std = sqrt(trainY.sumOf { (it - mean) * (it - mean) } / trainY.size)
        val testY = data.splitIndices!!.test.map { all[it] }
        assertFalse(mean == 5.0, "the training rows' mean differs from the whole set's, so the test below can tell them apart")
        assertArrayEquals(testY.map { (it - mean) / std }.toDoubleArray(), targets(data.test!!).toDoubleArray(), 1e-12)
    }

    @Test
    fun `target scaling of class labels is refused with a message that says what to do`() {
        val spec = DataSpec(DataSource.BuiltIn("iris"), targetScaling = TargetScaling.STANDARD)
        val e = assertThrows<IllegalArgumentException> { DataResolver().resolve(spec, RandomState(0), 0) }
        assertEquals(
            "data.targetScaling 'standard' scales real-valued (regression) targets, but 'iris' has class labels (3 classes): " +
                "remove targetScaling, or use a regression set (diabetes, linnerud, a CSV with regression = true)",
            e.message,
        )
    }

    @Test
    fun `linnerud's three targets are scaled per column with each column's own mean`() {
        val data = DataResolver().resolve(DataSpec(DataSource.BuiltIn("linnerud"), targetScaling = TargetScaling.STANDARD), RandomState(0), 0)
        val scaler = data.targetScaler as StandardScaler
        assertEquals(3, scaler.columns)
        // Weight, Waist, Pulse over the 20 rows (scikit-learn's load_linnerud().target.mean(axis=0)).
        assertArrayEquals(doubleArrayOf(178.6, 35.4, 56.1), scaler.mean!!.toDoubleArray(), 1e-12)
        val scaled = (data.train.targets as RegressionTargets).values
        for (c in 0 until 3) assertEquals(0.0, (0 until 20).sumOf { scaled.getEntry(it, c) }, 1e-12, "column $c is centred")
    }

    @Test
    fun `a diabetes run reports R2 in the targets' units, the loss on the scaled targets, and its model predicts the same after save and load`() {
        val trained = TrainingRun(
            experiment("diabetes-scaled") {
                data { diabetes(); split(test = 0.2, randomState = 42); scaling = standard; targetScaling = standard }
                network { dense(16, tanh); dense(1, identity) }
                training { loss = mse; optimizer = adam(lr = 0.01); epochs = 30; batchSize = 32; seed = 3 }
            },
        ).fit()
        val spec = trained.model.file.spec.data
        assertEquals(TargetScaling.STANDARD, spec.targetScaling)
        val raw = DataResolver().resolve(spec.copy(scaling = Scaling.NONE, targetScaling = TargetScaling.NONE), RandomState(0), 0)
        assertNull(raw.targetScaler)
        val test = raw.test!!
        val predicted = trained.model.predict(test.features.toMatrix())
        val actual = (test.targets as RegressionTargets).values
        assertEquals(R2.of(actual.data(), predicted.data()), trained.metrics.getValue("test_r2"), 0.0)
        assertTrue(trained.metrics.getValue("test_r2") > 0.3, "${trained.metrics}")
        // mse on (y − mean) / scale is the raw mean squared error over scale²: rmse in units = √loss · scale.
        val scale = (trained.model.file.targetScaling as StandardScaler).scale!![0]
        assertEquals(sqrt(trained.metrics.getValue("train_loss")) * scale, trained.metrics.getValue("train_rmse"), 1e-9 * scale)
        assertTrue(trained.metrics.getValue("train_loss") < 1.0 && trained.metrics.getValue("train_rmse") > 30.0, "${trained.metrics}")

        val path = dir.resolve("model.json")
        trained.model.save(path)
        val text = Files.readString(path)
        assertTrue(text.contains("\"targetScaling\""), "the model file holds the target scaler")
        val loaded = Model.load(path)
        assertEquals(trained.model.file.targetScaling, loaded.file.targetScaling)
        assertArrayEquals(predicted.data(), loaded.predict(test.features.toMatrix()).data(), 0.0)
    }

    @Test
    fun `a model file without target scaling leaves the key out`() {
        val trained = TrainingRun(
            experiment("unscaled") {
                data { diabetes(); split(test = 0.2, randomState = 42); scaling = standard }
                network { dense(4, tanh); dense(1, identity) }
                training { loss = mse; optimizer = adam(lr = 0.01); epochs = 1; batchSize = 64; seed = 3 }
            },
        ).fit()
        val text = trained.model.file.encode()
        assertFalse(text.contains("targetScaling"), "no targetScaling key in a file without target scaling")
        assertTrue(text.contains("\"randomState\""), "the split's randomState is kept in the spec")
    }
}
