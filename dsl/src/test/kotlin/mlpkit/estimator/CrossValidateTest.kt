package mlpkit.estimator

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.estimator.EstimatorFixtures.assertClose
import mlpkit.estimator.EstimatorFixtures.doubles
import mlpkit.estimator.EstimatorFixtures.matrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** crossValidate against scikit-learn 1.2.1's `cross_validate(cv=5)` (search.json, scripts/generate_search_fixtures.py). */
class CrossValidateTest {
    private val fixture = EstimatorFixtures.read("search.json")
    private val irisX = matrix(fixture.getValue("iris").jsonObject.getValue("x"))
    private val irisY = fixture.getValue("iris").jsonObject.getValue("y").jsonArray.map { it.jsonPrimitive.int }.toIntArray()
    private val regX = matrix(fixture.getValue("regression").jsonObject.getValue("x"))
    private val regY = doubles(fixture.getValue("regression").jsonObject.getValue("y"))

    private fun <S : MlpEstimator<S>> S.with(params: JsonObject): S =
        apply { params.forEach { (name, value) -> set(name, EstimatorFixtures.value(value)) } }

    private fun case(name: String) = fixture.getValue(name).jsonObject

    @Test
    fun `the default folds are scikit-learn's StratifiedKFold(5) for labels and KFold(5) for values`() {
        val stratified = FoldSplitter.kFold(5).split(irisY.size, irisY).map { it.validation.toList() }
        assertEquals(fixture.getValue("stratified_test_folds").jsonArray.map { f -> f.jsonArray.map { it.jsonPrimitive.int } }, stratified)
        val plain = FoldSplitter.kFold(5).split(regY.size, null).map { it.validation.toList() }
        assertEquals(fixture.getValue("kfold_test_folds").jsonArray.map { f -> f.jsonArray.map { it.jsonPrimitive.int } }, plain)
    }

    @Test
    fun `a classifier's per-fold accuracies equal scikit-learn's cross_validate on iris`() {
        val c = case("cv_classifier")
        val clf = MlpClassifier().with(c.getValue("params").jsonObject)
        val result = crossValidate(clf, irisX, irisY)
        assertClose(doubles(c.getValue("test_score")), result.testScores, 1e-12, "test_score")
        assertEquals(0.9666666666666667, result.mean, 1e-12)
        // numpy: np.std([1, 29/30, 28/30, 28/30, 1]) (population)
        assertEquals(0.029814239699997188, result.std, 1e-12)
        assertFalse(clf.isFitted, "the estimator given is not fitted, only its clones")
        assertEquals(5, result.fitTimes.size)
        assertTrue(result.fitTimes.all { it > 0 })
    }

    @Test
    fun `a regressor's per-fold R2 equals scikit-learn's cross_validate to 1e-9`() {
        val c = case("cv_regressor")
        val reg = MlpRegressor().with(c.getValue("params").jsonObject)
        val result = crossValidate(reg, regX, regY)
        assertClose(doubles(c.getValue("test_score")), result.testScores, 1e-9, "test_score")
    }

    @Test
    fun `the same scores at nJobs 1 and 2, with repeats`() {
        val clf = MlpClassifier(hiddenLayerSizes = listOf(4), solver = Solver.sgd, learningRateInit = 0.1, maxIter = 10)
        val one = crossValidate(clf, irisX, irisY, folds = 3, seed = 7, repeats = 2, nJobs = 1)
        val two = crossValidate(clf, irisX, irisY, folds = 3, seed = 7, repeats = 2, nJobs = 2)
        assertEquals(6, one.testScores.size)
        assertArrayEquals(one.testScores, two.testScores)
        assertEquals(one.folds.map { it.validation.toList() }, two.folds.map { it.validation.toList() })
        // The second repeat is a new shuffled draw: its folds differ from the first's.
        assertTrue(one.folds[0].validation.toList() != one.folds[3].validation.toList())
        // Each repeat's held-out folds cover every row once.
        assertEquals(irisY.indices.toList(), one.folds.take(3).flatMap { it.validation.toList() }.sorted())
    }

    @Test
    fun `repeated folds are scikit-learn's RepeatedStratifiedKFold with random_state = seed, and RepeatedKFold for a regressor`() {
        val clf = MlpClassifier(hiddenLayerSizes = listOf(4), solver = Solver.sgd, learningRateInit = 0.1, maxIter = 2)
        val result = crossValidate(clf, irisX, irisY, folds = 3, seed = 7, repeats = 2)
        // ScikitLearnFolds.repeated is held index for index to scikit-learn's fixtures by data's ScikitLearnFoldsTest.
        val expected = mlpkit.data.split.ScikitLearnFolds.repeated(irisY.size, 3, 2, 7, irisY)
        assertEquals(expected.map { it.validation.toList() }, result.folds.map { it.validation.toList() })
        val reg = MlpRegressor(hiddenLayerSizes = listOf(4), solver = Solver.sgd, learningRateInit = 0.01, maxIter = 2)
        val regression = crossValidate(reg, regX, regY, folds = 3, seed = 7, repeats = 2)
        assertEquals(mlpkit.data.split.ScikitLearnFolds.repeated(regY.size, 3, 2, 7, null).map { it.validation.toList() }, regression.folds.map { it.validation.toList() })
    }

    @Test
    fun `a clone has the parameters and none of the fit`() {
        val clf = MlpClassifier(hiddenLayerSizes = listOf(3), solver = Solver.sgd, randomState = 4, maxIter = 5).fit(irisX, irisY)
        val copy = clone(clf)
        assertNotSame(clf, copy)
        assertFalse(copy.isFitted)
        assertEquals(clf.getParams().mapValues { (_, v) -> (v as? IntArray)?.toList() ?: v }, copy.getParams().mapValues { (_, v) -> (v as? IntArray)?.toList() ?: v })
    }

    @Test
    fun `a metric of the registry scores the folds, and accuracy by name equals the default score`() {
        val c = case("cv_classifier")
        val clf = MlpClassifier().with(c.getValue("params").jsonObject)
        val byName = crossValidate(clf, irisX, irisY, scoring = Scoring.metric("accuracy"))
        assertClose(doubles(c.getValue("test_score")), byName.testScores, 1e-12, "accuracy")
        val r = case("cv_regressor")
        val reg = MlpRegressor().with(r.getValue("params").jsonObject)
        val r2 = crossValidate(reg, regX, regY, scoring = Scoring.metric("r2"))
        assertClose(doubles(r.getValue("test_score")), r2.testScores, 1e-9, "r2")
        val mae = crossValidate(reg, regX, regY, scoring = Scoring.metric("mae"))
        assertTrue(mae.testScores.all { it > 0 && it < 1 }) { mae.testScores.toList().toString() }
        assertFalse(Scoring.metric("mae").higherIsBetter)
    }

    @Test
    fun `an unknown scoring lists the metrics, and the loss is refused`() {
        val unknown = assertThrows(IllegalArgumentException::class.java) { Scoring.metric("acuracy") }
        assertTrue(unknown.message!!.contains("unknown scoring 'acuracy': expected one of") && unknown.message!!.contains("accuracy")) { unknown.message }
        val loss = assertThrows(IllegalArgumentException::class.java) { Scoring.metric("loss") }
        assertTrue(loss.message!!.startsWith("scoring 'loss' needs the training loss")) { loss.message }
        val wrongKind = assertThrows(IllegalArgumentException::class.java) {
            crossValidate(MlpRegressor(hiddenLayerSizes = listOf(2), maxIter = 2, randomState = 0), regX, regY, scoring = Scoring.metric("accuracy"))
        }
        assertTrue(wrongKind.message!!.contains("needs class labels, but the estimator is a regressor")) { wrongKind.message }
    }

    private fun testFolds(name: String) = fixture.getValue(name).jsonArray.map { f -> f.jsonArray.map { it.jsonPrimitive.int } }

    @Test
    fun `shuffled folds are scikit-learn's StratifiedKFold and KFold with shuffle and random_state 0, the same at every split`() {
        val stratified = FoldSplitter.stratifiedKFold(5, shuffle = true, randomState = 0)
        assertEquals(testFolds("stratified_shuffled_test_folds"), stratified.split(irisY.size, irisY).map { it.validation.toList() })
        assertEquals(testFolds("stratified_shuffled_test_folds"), stratified.split(irisY.size, irisY).map { it.validation.toList() })
        val plain = FoldSplitter.unstratifiedKFold(5, shuffle = true, randomState = 0)
        assertEquals(testFolds("kfold_shuffled_test_folds"), plain.split(regY.size, null).map { it.validation.toList() })
        assertEquals(testFolds("stratified_test_folds"), FoldSplitter.stratifiedKFold(5).split(irisY.size, irisY).map { it.validation.toList() })
        assertEquals(testFolds("kfold_test_folds"), FoldSplitter.unstratifiedKFold(5).split(regY.size, null).map { it.validation.toList() })
    }

    @Test
    fun `cross-validating with shuffled stratified folds equals scikit-learn's cross_validate with StratifiedKFold(5, shuffle=True, random_state=0)`() {
        val clf = MlpClassifier().with(case("cv_classifier").getValue("params").jsonObject)
        val result = crossValidate(clf, irisX, irisY, cv = FoldSplitter.stratifiedKFold(5, shuffle = true, randomState = 0))
        assertClose(doubles(case("cv_classifier_shuffled").getValue("test_score")), result.testScores, 1e-12, "test_score")
        assertEquals(testFolds("stratified_shuffled_test_folds"), result.folds.map { it.validation.toList() })
        val reg = MlpRegressor().with(case("cv_regressor").getValue("params").jsonObject)
        val regression = crossValidate(reg, regX, regY, cv = FoldSplitter.unstratifiedKFold(5, shuffle = true, randomState = 0))
        assertClose(doubles(case("cv_regressor_shuffled").getValue("test_score")), regression.testScores, 1e-9, "test_score")
    }

    @Test
    fun `a shuffled split without a random state, a random state without shuffling and stratifying real values are refused`() {
        val noState = assertThrows(IllegalArgumentException::class.java) { FoldSplitter.stratifiedKFold(5, shuffle = true) }
        assertEquals(
            "stratifiedKFold(shuffle = true) needs a randomState (a whole number, numpy's random_state): mlpkit has no global generator to draw from",
            noState.message,
        )
        val unused = assertThrows(IllegalArgumentException::class.java) { FoldSplitter.unstratifiedKFold(5, randomState = 3) }
        assertEquals(
            "unstratifiedKFold got randomState = 3 with shuffle = false: the random state has no effect unless shuffle = true (scikit-learn refuses this too)",
            unused.message,
        )
        val values = assertThrows(IllegalArgumentException::class.java) { FoldSplitter.stratifiedKFold(5).split(10, null) }
        assertEquals("stratifiedKFold needs class labels to stratify by, but the targets are real values (a regressor): use unstratifiedKFold", values.message)
    }

}
