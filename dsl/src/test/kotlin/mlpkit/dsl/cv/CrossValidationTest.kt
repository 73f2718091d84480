package mlpkit.dsl.cv

import kotlinx.coroutines.runBlocking
import mlpkit.data.ClassLabels
import mlpkit.data.random.RandomState
import mlpkit.data.scaling.StandardScaler
import mlpkit.data.split.ScikitLearnFolds
import mlpkit.dsl.Experiment
import mlpkit.dsl.Experiments
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.experiment
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.spec.ValidationSpec
import mlpkit.dsl.train.SeedStreams
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import kotlin.math.sqrt

class CrossValidationTest {
    private fun irisCv(parallelism: Int = 2, randomState: Long? = 0) = experiment("iris-cv") {
        data { iris(); scaling = mlpkit.dsl.spec.Scaling.STANDARD }
        network { dense(4, tanh); dense(3, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.05); epochs = 8; batchSize = 16; seed = 3 }
        cv(5, randomState = randomState, parallelism = parallelism)
        expect { cv(validationAccuracy) atLeast 0.5 }
    }

    @Test
    fun `the folds are scikit-learn's StratifiedKFold folds for class targets`() {
        val cv = CrossValidation(irisCv())
        val data = cv.data()
        val labels = (data.targets as ClassLabels).labels
        val expected = ScikitLearnFolds.stratifiedKFold(labels, 5, RandomState(0))
        val folds = cv.folds(data)
        assertEquals(5, folds.size)
        for (f in 0 until 5) {
            assertArrayEquals(expected[f].validation, folds[f].validation)
            assertArrayEquals(expected[f].train, folds[f].train)
        }
        assertTrue(cv.stratified(data))
    }

    @Test
    fun `without a randomState the folds' seed is drawn from the run's seed`() {
        assertEquals(SeedStreams(3).foldsSeed, CrossValidation(irisCv(randomState = null)).randomState)
        assertEquals(0L, CrossValidation(irisCv()).randomState)
    }

    @Test
    fun `the scaling of each fold is fitted on the fold's training rows only`() {
        val cv = CrossValidation(irisCv())
        val data = cv.data()
        val fold = cv.folds(data)[0]
        val resolved = data.fold(fold.train, fold.validation)
        val rows = mlpkit.data.builtin.BuiltInSets.get("iris").load() // the experiment holds out no test rows: the folds cut all of iris
        assertEquals(rows.size, data.size)
        val scaler = (resolved.inputScaling as InputScaling.Fitted).scaler as StandardScaler
        // Hand-computed: the mean of sepal length over the training rows alone.
        val trainMean = fold.train.sumOf { rows.features.row(it)[0] } / fold.train.size
        val allMean = (0 until rows.size).sumOf { rows.features.row(it)[0] } / rows.size
        assertEquals(trainMean, scaler.mean!![0], 1e-12)
        assertNotEquals(allMean, scaler.mean!![0], "the held-out rows must not move the mean")
        // The held-out rows are scaled with the training rows' mean and scale.
        val raw = rows.features.row(fold.validation[0])[0]
        assertEquals((raw - trainMean) / scaler.scale!![0], resolved.validation!!.features.row(0)[0], 1e-12)
        assertEquals(fold.train.size, resolved.train.size)
        assertEquals(fold.validation.size, resolved.validation!!.size)
    }

    @Test
    fun `each fold is an ordinary run on its rows, and the summary is the mean and population std over folds`() {
        val experiment = irisCv()
        val cv = CrossValidation(experiment)
        val result = runBlocking { cv.run() }
        assertEquals(5, result.folds.size)
        // Fold 2 again, by hand: the same spec without validation, trained on the fold's data.
        val data = cv.data()
        val fold = cv.folds(data)[2]
        val alone = TrainingRun(Experiment(experiment.spec.copy(validation = null, expect = emptyList())), data = data.fold(fold.train, fold.validation)).fit()
        assertEquals(alone.metrics, result.folds[2].metrics)
        val accuracies = result.values("validation_accuracy")
        val mean = accuracies.sum() / 5
        val std = sqrt(accuracies.sumOf { (it - mean) * (it - mean) } / 5)
        assertEquals(mean, result.summary.getValue("cv_validation_accuracy"), 1e-15)
        assertEquals(std, result.summary.getValue("cv_validation_accuracy_std"), 1e-15)
        assertTrue(accuracies.all { it in 0.0..1.0 })
        assertArrayEquals(fold.validation, result.folds[2].heldOutRows)
    }

    @Test
    fun `the result is the same bit for bit whatever the parallelism`() {
        val one = runBlocking { CrossValidation(irisCv(parallelism = 1)).run() }
        val two = runBlocking { CrossValidation(irisCv(parallelism = 2)).run() }
        for (f in 0 until 5) assertEquals(one.folds[f].metrics, two.folds[f].metrics)
        assertEquals(one.toJson(), two.toJson())
        assertEquals(one.toJson(), Experiments.crossValidate(irisCv(parallelism = 1).spec).toJson(), "the Java API runs the same folds")
    }

    @Test
    fun `a split test part is held out of every fold and each fold is evaluated on it`() {
        val spec = irisCv().spec.let { it.copy(data = it.data.copy(split = it.data.split.copy(test = 0.2))) }
        val cv = CrossValidation(Experiment(spec))
        val data = cv.data()
        assertEquals(120, data.size)
        assertEquals(30, data.testRows)
        val result = runBlocking { cv.run(data) }
        val first = cv.folds(data)[0]
        val testRows = data.fold(first.train, first.validation).splitIndices!!.test.toSet()
        assertEquals(30, testRows.size)
        for (fold in result.folds) {
            assertTrue(fold.metrics.containsKey("test_accuracy"))
            assertTrue(fold.trainRows.none { it in testRows } && fold.heldOutRows.none { it in testRows })
        }
    }

    @Test
    fun `more stratified folds than rows of the smallest class is an error naming the class and its count`() {
        // A stratified 90 % test part leaves 5 rows of each class; the first class by label is setosa.
        val spec = irisCv().spec.let {
            it.copy(data = it.data.copy(split = it.data.split.copy(test = 0.9, stratify = true)), validation = ValidationSpec(6, randomState = 0))
        }
        val cv = CrossValidation(Experiment(spec))
        val error = assertThrows<IllegalArgumentException> { cv.folds(cv.data()) }
        assertEquals(
            "validation.cv = 6 stratified folds need at least 6 rows of every class, but class 'setosa' has only 5 of the 15 rows " +
                "cross-validated: use cv ≤ 5, or set validation.stratify to false",
            error.message,
        )
    }

    @Test
    fun `the validation block reads from JSON, is left out when absent, and the DSL's cv gives the same spec`() {
        val json = """
            {"name": "iris-cv", "data": {"source": {"type": "builtin", "set": "iris"}, "scaling": "standard"},
             "network": "network < dense(4, tanh); dense(3, softmax) >",
             "training": {"loss": "softmaxCrossEntropy", "optimizer": "adam(lr=0.05)", "epochs": 8, "batchSize": 16, "seed": 3},
             "expect": [{"metric": "cv_validation_accuracy", "atLeast": 0.5}],
             "validation": {"cv": 5, "randomState": 0}}
        """.trimIndent()
        val parsed = Experiments.parse(json, "iris-cv.json")
        assertEquals(ValidationSpec(5, randomState = 0), parsed.validation)
        assertEquals(irisCv().spec, parsed)
        assertFalse(Experiments.toJson(parsed.copy(validation = null)).contains("\"validation\":"))
        assertTrue(Experiments.toJson(parsed).contains("\"validation\": {"))
    }

    @Test
    fun `bad settings and expectations that do not fit a cross-validation are reported at their paths`() {
        val bad = irisCv().spec.let {
            it.copy(validation = ValidationSpec(1, repeats = 0, randomState = -1), data = it.data.copy(split = it.data.split.copy(validation = 0.2)))
        }
        val problems = mlpkit.dsl.config.SpecValidation.validate(bad, "bad.json").map { it.message!! }
        assertTrue(problems.any { "$.validation.cv" in it && "cv out of range (expected a whole number ≥ 2, got 1); 5 or 10 are usual" in it }, problems.toString())
        assertTrue(problems.any { "$.validation.repeats" in it }, problems.toString())
        assertTrue(problems.any { "$.validation.randomState" in it && "in [0, 4294967295], got -1" in it }, problems.toString())
        assertTrue(problems.any { "$.data.split.validation" in it }, problems.toString())
        val plain = irisCv().spec.copy(expect = listOf(mlpkit.dsl.spec.Expectation("validation_accuracy", atLeast = 0.5)))
        val plainProblems = mlpkit.dsl.config.SpecValidation.validate(plain, "plain.json").map { it.message!! }
        assertTrue(plainProblems.any { "cv_validation_accuracy or cv_validation_accuracy_std" in it }, plainProblems.toString())
        val notCv = plain.copy(validation = null, expect = listOf(mlpkit.dsl.spec.Expectation("cv_train_loss", atMost = 1.0)))
        val notCvProblems = mlpkit.dsl.config.SpecValidation.validate(notCv, "single.json").map { it.message!! }
        assertTrue(notCvProblems.any { "cv_train_loss is the folds' mean of a cross-validation" in it }, notCvProblems.toString())
        assertThrows<ConfigException> { mlpkit.dsl.config.SpecValidation.requireValid(bad, "bad.json") }
    }
}
