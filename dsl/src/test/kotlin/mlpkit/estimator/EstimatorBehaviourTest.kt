package mlpkit.estimator

import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.ln
import mlpkit.core.loss.HalfSumSquaredError
import mlpkit.core.metrics.R2
import mlpkit.data.random.RandomState
import mlpkit.dsl.model.Model
import mlpkit.dsl.spec.BatchSizeSpec
import org.apache.commons.math3.linear.Array2DRowRealMatrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** fit / predict / score / partialFit / warmStart / stopping / save and load, on small sets. */
class EstimatorBehaviourTest {
    private val steps = EstimatorFixtures.read("steps.json").getValue("data") as kotlinx.serialization.json.JsonObject
    private fun x(set: String) = EstimatorFixtures.matrix((steps.getValue(set) as kotlinx.serialization.json.JsonObject).getValue("x"))
    private fun labels(set: String) = EstimatorFixtures.doubles((steps.getValue(set) as kotlinx.serialization.json.JsonObject).getValue("y")).map { it.toInt() }.toIntArray()
    private fun values(set: String) = EstimatorFixtures.doubles((steps.getValue(set) as kotlinx.serialization.json.JsonObject).getValue("y"))

    /** Full-batch sgd without shuffling: deterministic and expressible now. */
    private fun sgdClassifier(maxIter: Int = 20, momentum: Double = 0.9) =
        MlpClassifier(hiddenLayerSizes = listOf(5), solver = Solver.sgd, learningRateInit = 0.1, momentum = momentum, randomState = 0, maxIter = maxIter, tol = 0.0, nIterNoChange = 1000, alpha = 0.0)

    @Test
    fun `a binary classifier gives two probability columns 1 - p and p, their logarithms, labels at p above one half and accuracy`() {
        val x = x("binary")
        val y = labels("binary")
        val clf = sgdClassifier().fit(x, y)
        val proba = clf.predictProba(x)
        val log = clf.predictLogProba(x)
        val predicted = clf.predict(x)
        val outputs = clf.model.predict(x)
        for (i in x.indices) {
            val p = outputs.getEntry(i, 0)
            assertArrayEquals(doubleArrayOf(1 - p, p), proba[i], 0.0)
            assertArrayEquals(doubleArrayOf(ln(1 - p), ln(p)), log[i], 0.0)
            assertEquals(if (p > 0.5) 1 else 0, predicted[i])
        }
        assertEquals(predicted.indices.count { predicted[it] == y[it] } / x.size.toDouble(), clf.score(x, y))
        assertEquals(listOf<Any>(0, 1), clf.classes)
        assertEquals("logistic", clf.outLayerActivation)
        assertEquals(1, clf.nOutputs)
        assertEquals(4, clf.nFeaturesIn)
    }

    @Test
    fun `string labels become sorted classes, predictNames gives them back and predict asks for predictNames`() {
        val x = x("iris")
        val names = arrayOf("setosa", "versicolor", "virginica")
        val y = labels("iris").map { names[it] }.toTypedArray()
        val clf = sgdClassifier().fit(x, y)
        assertEquals(names.toList(), clf.classes)
        assertEquals("softmax", clf.outLayerActivation)
        val predicted = clf.predictNames(x)
        assertEquals(predicted.indices.count { predicted[it] == y[it] } / x.size.toDouble(), clf.score(x, y))
        assertTrue(clf.score(x, y) > 0.6, "20 epochs of momentum sgd on standardised iris")
        val e = assertThrows<IllegalStateException> { clf.predict(x) }
        assertEquals("MlpClassifier was fitted with string labels [setosa, versicolor, virginica], so predict cannot give ints: use predictNames(x)", e.message)
        val loaded = MlpClassifier.load(saved(clf))
        assertEquals(names.toList(), loaded.classes)
        assertArrayEquals(predicted, loaded.predictNames(x))
    }

    @Test
    fun `two partial fits continue weights and optimiser exactly as a two-epoch fit does`() {
        val x = x("iris")
        val y = labels("iris")
        val e = assertThrows<IllegalArgumentException> { sgdClassifier().partialFit(x, y) }
        assertEquals("classes must be passed on the first call to partial_fit.", e.message)
        val partial = sgdClassifier().partialFit(x, y, intArrayOf(0, 1, 2)).partialFit(x, y)
        val whole = sgdClassifier(maxIter = 2).fit(x, y)
        assertEquals(2, partial.nIter)
        assertEquals(whole.lossCurve, partial.lossCurve)
        for (layer in whole.coefs.indices) {
            for (i in whole.coefs[layer].indices) assertArrayEquals(whole.coefs[layer][i], partial.coefs[layer][i], 0.0)
        }
    }

    @Test
    fun `warm start continues from the fitted weights and extends the loss curve`() {
        val x = x("regression1")
        val y = values("regression1")
        fun reg(maxIter: Int, warm: Boolean) = MlpRegressor(
            hiddenLayerSizes = listOf(5), solver = Solver.sgd, momentum = 0.0, learningRateInit = 0.05, randomState = 2,
            maxIter = maxIter, tol = 0.0, nIterNoChange = 1000, alpha = 0.0, warmStart = warm,
        )
        val warm = reg(3, true).fit(x, y)
        warm.maxIter = 2
        warm.fit(x, y)
        val straight = reg(5, false).fit(x, y)
        assertEquals(5, warm.nIter)
        assertEquals(5, warm.lossCurve.size)
        EstimatorFixtures.assertClose(straight.lossCurve.toDoubleArray(), warm.lossCurve.toDoubleArray(), 1e-12, "loss curve")
        EstimatorFixtures.assertClose(straight.predict(x), warm.predict(x), 1e-12, "predictions")
        // Without warm start a second fit starts afresh.
        val cold = reg(3, false).fit(x, y).fit(x, y)
        assertEquals(3, cold.nIter)
    }

    @Test
    fun `the training loss stops the fit as scikit-learn's tol rule does and reaching max_iter leaves its warning`() {
        val x = x("binary")
        val y = labels("binary")
        // tol 10: no epoch improves by that much; counts 0, 1, 2, 3 > n_iter_no_change 2: stops after epoch 4.
        val stopped = MlpClassifier(hiddenLayerSizes = listOf(5), solver = Solver.sgd, randomState = 0, tol = 10.0, nIterNoChange = 2).fit(x, y)
        assertEquals(4, stopped.nIter)
        assertTrue(stopped.converged)
        assertNull(stopped.convergenceWarning)
        assertEquals(stopped.lossCurve.min(), stopped.bestLoss)
        val capped = sgdClassifier(maxIter = 3).fit(x, y)
        assertEquals(false, capped.converged)
        assertEquals("Stochastic Optimizer: Maximum iterations (3) reached and the optimization hasn't converged yet.", capped.convergenceWarning)
    }

    @Test
    fun `early stopping holds out scikit-learn's ShuffleSplit rows, records validation R2 and restores the best epoch's weights`() {
        val x = x("regression2")
        val ys = EstimatorFixtures.matrix((steps.getValue("regression2") as kotlinx.serialization.json.JsonObject).getValue("y"))
        val reg = MlpRegressor(
            hiddenLayerSizes = listOf(6), solver = Solver.sgd, learningRateInit = 0.3, momentum = 0.9, randomState = 3,
            maxIter = 40, earlyStopping = true, validationFraction = 0.25, nIterNoChange = 3, tol = 0.0, alpha = 0.0,
        ).fit(x, ys)
        val scores = reg.validationScores!!
        assertEquals(reg.nIter, scores.size)
        assertEquals(scores.max(), reg.bestValidationScore)
        assertNull(reg.bestLoss)
        // The validation rows: RandomState(3) after drawing the initial weights, permutation, the first ceil(0.25 · 40) = 10.
        val random = RandomState(3)
        SklearnNetwork(listOf(6), HiddenActivation.relu, 2, mlpkit.core.activation.Identity()).initialParameters(3, HalfSumSquaredError(), random)
        val split = ValidationSplit.of(40, 0.25, random)
        assertEquals(10, split.validation.size)
        val xv = split.validation.map { x[it] }.toTypedArray()
        val yv = split.validation.map { ys[it] }.toTypedArray()
        assertEquals(reg.bestValidationScore!!, reg.score(xv, yv), 1e-12)
        assertEquals(R2.of(yv, reg.predictOutputs(xv)), reg.score(xv, yv), 0.0)
    }

    @Test
    fun `batch_size auto is min(200, n) rows and RealMatrix and list inputs fit as arrays do`() {
        val x = x("regression1")
        val y = values("regression1")
        fun reg() = MlpRegressor(hiddenLayerSizes = listOf(3), solver = Solver.sgd, randomState = 1, maxIter = 5, alpha = 0.0)
        val arrays = reg().fit(x, y)
        assertEquals(BatchSizeSpec.Rows(50), arrays.model.file.spec.training.batchSize)
        val big = Array(250) { i -> doubleArrayOf(i / 250.0) }
        assertEquals(BatchSizeSpec.Rows(200), reg().set("max_iter", 1).fit(big, DoubleArray(250) { it / 250.0 }).model.file.spec.training.batchSize)
        val matrix = reg().fit(Array2DRowRealMatrix(x), y)
        val lists = reg().fit(x.map { it.toList() }, y.toList())
        assertArrayEquals(arrays.predict(x), matrix.predict(Array2DRowRealMatrix(x)), 0.0)
        assertArrayEquals(arrays.predict(x), lists.predict(x), 0.0)
    }

    @TempDir
    lateinit var dir: Path

    private fun saved(estimator: MlpEstimator<*>): Path = dir.resolve("${estimator.estimatorName}-${System.nanoTime()}.json").also { estimator.save(it) }

    @Test
    fun `a saved estimator loads back with its parameters, attributes and predictions, and as an ordinary model`() {
        val x = x("binary")
        val y = labels("binary")
        val clf = sgdClassifier().fit(x, y)
        val path = saved(clf)
        val loaded = MlpClassifier.load(path)
        assertEquals(clf.toString(), loaded.toString())
        assertEquals(clf.getParams().keys, loaded.getParams().keys)
        assertArrayEquals(clf.getParams()["hidden_layer_sizes"] as IntArray, loaded.getParams()["hidden_layer_sizes"] as IntArray)
        assertEquals(clf.lossCurve, loaded.lossCurve)
        assertEquals(clf.nIter, loaded.nIter)
        assertEquals(clf.classes, loaded.classes)
        assertEquals(clf.outLayerActivation, loaded.outLayerActivation)
        for (i in x.indices) assertArrayEquals(clf.predictProba(x)[i], loaded.predictProba(x)[i], 0.0)
        assertArrayEquals(clf.predict(x), Model.load(path).predictClasses(Array2DRowRealMatrix(x)))
        val e = assertThrows<IllegalArgumentException> { MlpRegressor.load(path) }
        assertEquals("$path holds a MlpClassifier, not a MlpRegressor: load it with MlpClassifier.load(path)", e.message)
        val reg = MlpRegressor(hiddenLayerSizes = listOf(4), solver = Solver.sgd, randomState = 0, maxIter = 3).fit(x("regression2"), EstimatorFixtures.matrix((steps.getValue("regression2") as kotlinx.serialization.json.JsonObject).getValue("y")))
        val back = MlpRegressor.load(saved(reg))
        assertEquals(2, back.nOutputs)
        assertArrayEquals(reg.predictOutputs(x("regression2"))[5], back.predictOutputs(x("regression2"))[5], 0.0)
        assertTrue(Files.readString(path).contains("\"estimator\""))
    }

    @Test
    fun `an unfitted estimator and a wrong number of features fail with what to do`() {
        val e = assertThrows<NotFittedException> { MlpClassifier().predict(x("binary")) }
        assertEquals("This MlpClassifier instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.", e.message)
        val clf = sgdClassifier(maxIter = 1).fit(x("binary"), labels("binary"))
        val features = assertThrows<IllegalArgumentException> { clf.predict(arrayOf(doubleArrayOf(1.0, 2.0))) }
        assertEquals("MlpClassifier: X has 2 features in row 0, but MlpClassifier is expecting 4 features as input", features.message)
    }
}
