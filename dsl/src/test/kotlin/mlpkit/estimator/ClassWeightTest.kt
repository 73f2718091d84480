package mlpkit.estimator

import java.nio.file.Files
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.data.ClassLabels
import mlpkit.dsl.spec.ClassWeightSpec
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `class_weight` (mlpkit's extension): scikit-learn's `compute_class_weight` meaning, the same as per-row sample weights. */
class ClassWeightTest {
    private val x = arrayOf(
        doubleArrayOf(0.1, 1.2), doubleArrayOf(-0.7, 0.3), doubleArrayOf(1.5, -0.4), doubleArrayOf(0.9, 0.8),
        doubleArrayOf(-1.1, -0.6), doubleArrayOf(0.2, -1.3), doubleArrayOf(1.8, 0.5), doubleArrayOf(-0.3, 1.7),
        doubleArrayOf(0.6, 0.1), doubleArrayOf(-0.9, 1.1),
    )
    private val fixture = EstimatorFixtures.read("class_weight.json").getValue("cases").jsonObject

    private fun case(name: String): Triple<List<String>, List<String>, DoubleArray> {
        val c = fixture.getValue(name).jsonObject
        return Triple(
            c.getValue("y").jsonArray.map { it.jsonPrimitive.content },
            c.getValue("classes").jsonArray.map { it.jsonPrimitive.content },
            EstimatorFixtures.doubles(c.getValue("balanced")),
        )
    }

    private fun assertSameBits(a: MlpEstimator<*>, b: MlpEstimator<*>) {
        for ((l, layer) in a.coefs.withIndex()) for ((i, row) in layer.withIndex()) assertArrayEquals(b.coefs[l][i], row, "coefs[$l][$i]")
        for ((l, bias) in a.intercepts.withIndex()) assertArrayEquals(b.intercepts[l], bias, "intercepts[$l]")
    }

    @Test
    fun `balanced weights equal scikit-learn's compute_class_weight`() {
        for (name in listOf("binary", "three", "names")) {
            val (y, classes, expected) = case(name)
            val labels = ClassLabels(IntArray(y.size) { classes.indexOf(y[it]) }, classes)
            val ours = ClassWeightSpec.Balanced.perClass(labels)
            for (k in expected.indices) assertEquals(expected[k], ours[k], 1e-15, "$name class ${classes[k]}")
        }
    }

    @Test
    fun `a balanced classifier equals one fitted with each row's class weight as its sample weight, bit for bit`() {
        val (yText, classes, balanced) = case("binary")
        val y = yText.map { it.toInt() }.toIntArray()
        val rowWeights = DoubleArray(y.size) { balanced[classes.indexOf(y[it].toString())] }
        for (solver in listOf(Solver.adam, Solver.sgd, Solver.lbfgs)) {
            fun clf() = MlpClassifier(hiddenLayerSizes = listOf(3), solver = solver, randomState = 0, maxIter = 12, batchSize = 4)
            val byClass = clf().set("class_weight", "balanced").fit(x, y)
            val bySample = clf().fit(x, y, rowWeights)
            assertSameBits(byClass, bySample)
            assertTrue(byClass.coefs[0][0][0] != clf().fit(x, y).coefs[0][0][0], "$solver: the class weights change the fit")
        }
    }

    @Test
    fun `class weights multiply the sample weights, and a map names classes as strings or ints`() {
        val y = intArrayOf(0, 1, 0, 1, 1, 0, 0, 1, 0, 0)
        val sample = doubleArrayOf(1.0, 2.0, 0.5, 1.0, 3.0, 1.0, 2.0, 1.0, 1.0, 0.25)
        fun clf() = MlpClassifier(hiddenLayerSizes = listOf(3), solver = Solver.lbfgs, randomState = 1, maxIter = 10)
        val byClass = clf().set("class_weight", mapOf(1 to 3.0)).fit(x, y, sample)
        val bySample = clf().fit(x, y, DoubleArray(y.size) { sample[it] * (if (y[it] == 1) 3.0 else 1.0) })
        assertSameBits(byClass, bySample)
        assertEquals(mapOf("1" to 3.0), byClass.getParams()["class_weight"])
    }

    @Test
    fun `class_weight survives save and load and clone, and a grid search can try it`() {
        val y = intArrayOf(0, 1, 0, 1, 1, 0, 0, 1, 0, 0)
        val clf = MlpClassifier(hiddenLayerSizes = listOf(3), solver = Solver.lbfgs, randomState = 0, maxIter = 10).set("class_weight", mapOf("0" to 0.5))
        clf.fit(x, y)
        val file = Files.createTempDirectory("cw").resolve("clf.json")
        clf.save(file)
        val loaded = MlpClassifier.load(file)
        assertEquals(ClassWeightSpec.Given(mapOf("0" to 0.5)), loaded.classWeight)
        assertEquals(ClassWeightSpec.Given(mapOf("0" to 0.5)), clone(clf).classWeight)
        val search = GridSearch(clf, mapOf("class_weight" to listOf(null, "balanced")), cv = 2).fit(x, y)
        assertEquals(listOf(null, "balanced"), search.searchResults.params.map { it["class_weight"] })
        assertEquals(ClassWeightSpec.Balanced, GridSearch(clf, mapOf("class_weight" to listOf("balanced")), cv = 2).fit(x, y).bestEstimator.classWeight)
    }

    @Test
    fun `a bad class_weight is refused in scikit-learn's words, an unknown class and a regressor with its reason`() {
        val e = assertThrows<InvalidParameterException> { MlpClassifier().set("class_weight", mapOf("a" to -1.0)) }
        assertEquals(
            "The 'class_weight' parameter of MlpClassifier must be a str among {'balanced'} or a dict of class to float in the range [0, inf) " +
                "or None. Got {'a': -1.0} instead.",
            e.message,
        )
        val y = intArrayOf(0, 1, 0, 1, 1, 0, 0, 1, 0, 0)
        val unknown = assertThrows<IllegalArgumentException> { MlpClassifier(solver = Solver.lbfgs).set("class_weight", mapOf("7" to 2.0)).fit(x, y) }
        assertTrue(unknown.message!!.contains("classWeight names '7', which the data has no class of"), unknown.message)
        val reg = assertThrows<IllegalArgumentException> { MlpRegressor().set("class_weight", "balanced").fit(x, DoubleArray(x.size) { it.toDouble() }) }
        assertEquals(
            "MlpRegressor: class_weight is 'balanced', but a regressor has no classes: leave class_weight None and pass sample_weight to fit instead",
            reg.message,
        )
    }
}
