package mlpkit.estimator

import kotlinx.serialization.json.jsonObject
import mlpkit.estimator.Solver.lbfgs
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The parameters: scikit-learn's names, defaults (params.json, the Bar), constraints and messages. */
class EstimatorParamsTest {
    private val fixture = EstimatorFixtures.read("params.json")

    /** getParams() in the fixture's JSON terms: int[] as a list of longs, ints as longs. */
    private fun comparable(params: Map<String, Any?>): Map<String, Any?> = params.mapValues { (_, v) ->
        when (v) {
            is IntArray -> v.map { it.toLong() }
            is Int -> v.toLong()
            else -> v
        }
    }

    @Test
    fun `the defaults of both estimators equal scikit-learn's get_params() of MLPClassifier and MLPRegressor`() {
        for ((ours, theirs) in listOf(MlpClassifier() to "MLPClassifier", MlpRegressor() to "MLPRegressor")) {
            val expected = fixture.getValue(theirs).jsonObject.mapValues { (_, v) -> EstimatorFixtures.value(v) }
            // mlpkit's extensions (class_weight) are not scikit-learn 1.2's: left out, and None by default.
            val shared = ours.getParams().filterKeys { it !in MlpParams.extensions }
            assertEquals(expected, comparable(shared), theirs)
            assertEquals(expected.keys.toList(), shared.keys.toList(), "$theirs: the same names in the same order")
            assertEquals(listOf("class_weight"), MlpParams.extensions.toList())
            assertEquals(null, ours.getParams()["class_weight"])
        }
    }

    @Test
    fun `set takes scikit-learn's names, returns the estimator and shows in getParams and the Kotlin properties`() {
        val clf = MlpClassifier()
        val same = clf.set("hidden_layer_sizes", intArrayOf(50)).set("solver", "sgd").set("random_state", 0).set("n_iter_no_change", Double.POSITIVE_INFINITY)
        assertSame(clf, same)
        assertArrayEquals(intArrayOf(50), clf.getParams()["hidden_layer_sizes"] as IntArray)
        assertEquals("sgd", clf.getParams()["solver"])
        assertEquals(0L, clf.getParams()["random_state"])
        assertEquals(Double.POSITIVE_INFINITY, clf.getParams()["n_iter_no_change"])
        assertEquals(listOf(50), clf.hiddenLayerSizes)
        assertEquals(Solver.sgd, clf.solver)
        assertEquals(0L, clf.randomState)
        clf.set("hidden_layer_sizes", 7).set("batch_size", 32).set("alpha", 1)
        assertEquals(listOf(7), clf.hiddenLayerSizes)
        assertEquals(32, clf.batchSize)
        assertEquals(1.0, clf.alpha)
    }

    @Test
    fun `Kotlin named arguments set the same parameters as set does`() {
        val reg = MlpRegressor(hiddenLayerSizes = listOf(20, 10), activation = HiddenActivation.tanh, solver = Solver.sgd, randomState = 3, earlyStopping = true)
        assertArrayEquals(intArrayOf(20, 10), reg.getParams()["hidden_layer_sizes"] as IntArray)
        assertEquals("tanh", reg.getParams()["activation"])
        assertEquals(3L, reg.getParams()["random_state"])
        assertEquals(true, reg.getParams()["early_stopping"])
        assertEquals("MlpRegressor(activation='tanh', early_stopping=True, hidden_layer_sizes=[20, 10], random_state=3, solver='sgd')", reg.toString())
    }

    @Test
    fun `the issue's Kotlin form reads as scikit-learn's once the enum entry is imported`() {
        val clf = MlpClassifier(hiddenLayerSizes = listOf(50), solver = lbfgs)
        assertEquals("lbfgs", clf.getParams()["solver"])
        assertArrayEquals(intArrayOf(50), clf.getParams()["hidden_layer_sizes"] as IntArray)
    }

    @Test
    fun `an unknown name fails as scikit-learn's set_params does, listing the valid parameters`() {
        val e = assertThrows<InvalidParameterException> { MlpClassifier().set("foo", 1) }
        assertEquals(
            "Invalid parameter 'foo' for estimator MlpClassifier. Valid parameters are: ['activation', 'alpha', 'batch_size', 'beta_1', " +
                "'beta_2', 'class_weight', 'early_stopping', 'epsilon', 'hidden_layer_sizes', 'learning_rate', 'learning_rate_init', 'max_fun', 'max_iter', " +
                "'momentum', 'n_iter_no_change', 'nesterovs_momentum', 'power_t', 'random_state', 'shuffle', 'solver', 'tol', " +
                "'validation_fraction', 'verbose', 'warm_start'].",
            e.message,
        )
    }

    @Test
    fun `a bad value fails with scikit-learn's InvalidParameterError message for that constraint`() {
        // The messages scikit-learn 1.2.1 gives for the same values (its sets printed sorted here).
        val expected = listOf(
            Triple("solver", "foo", "must be a str among {'adam', 'lbfgs', 'sgd'}. Got 'foo' instead."),
            Triple("activation", "x", "must be a str among {'identity', 'logistic', 'relu', 'tanh'}. Got 'x' instead."),
            Triple("alpha", -1.0, "must be a float in the range [0, inf). Got -1.0 instead."),
            Triple("max_iter", 0, "must be an int in the range [1, inf). Got 0 instead."),
            Triple("momentum", 2.0, "must be a float in the range [0, 1]. Got 2.0 instead."),
            Triple("batch_size", 0, "must be a str among {'auto'} or an int in the range [1, inf). Got 0 instead."),
            Triple("learning_rate_init", 0.0, "must be a float in the range (0, inf). Got 0.0 instead."),
            Triple("validation_fraction", 1.0, "must be a float in the range [0, 1). Got 1.0 instead."),
            Triple("epsilon", 0.0, "must be a float in the range (0, inf). Got 0.0 instead."),
            Triple("n_iter_no_change", 0, "must be an int in the range [1, inf) or a float among {inf}. Got 0 instead."),
            Triple("hidden_layer_sizes", 0, "must be an array-like or an int in the range [1, inf). Got 0 instead."),
            Triple("beta_1", 1.0, "must be a float in the range [0, 1). Got 1.0 instead."),
            Triple("learning_rate", "x", "must be a str among {'adaptive', 'constant', 'invscaling'}. Got 'x' instead."),
            Triple("random_state", -1, "must be an int in the range [0, 4294967295] or None. Got -1 instead."),
            Triple("max_fun", 0, "must be an int in the range [1, inf). Got 0 instead."),
        )
        for ((name, value, message) in expected) {
            val e = assertThrows<InvalidParameterException>(name) { MlpClassifier().set(name, value) }
            assertEquals("The '$name' parameter of MlpClassifier $message", e.message)
        }
        val sizes = assertThrows<InvalidParameterException> { MlpRegressor().set("hidden_layer_sizes", intArrayOf(10, 0)) }
        assertEquals("hidden_layer_sizes must be > 0, got [10, 0].", sizes.message)
        assertThrows<InvalidParameterException> { MlpRegressor(maxIter = 0) }
    }

    @Test
    fun `values in messages are written as Python's repr writes them`() {
        assertEquals(listOf("0.0001", "1e-08", "1e-05", "-2.5e+20", "0.5", "3.0", "inf", "None", "True", "'adam'"),
            listOf(1e-4, 1e-8, 1e-5, -2.5e20, 0.5, 3.0, Double.POSITIVE_INFINITY, null, true, "adam").map { EstimatorParam.pythonRepr(it) })
    }

    @Test
    fun `camelCase names are derived from scikit-learn's`() {
        assertEquals(
            listOf("hiddenLayerSizes", "beta1", "nIterNoChange", "nesterovsMomentum", "learningRateInit"),
            listOf(MlpParams.hiddenLayerSizes, MlpParams.beta1, MlpParams.nIterNoChange, MlpParams.nesterovsMomentum, MlpParams.learningRateInit)
                .map { it.camelName },
        )
    }
}
