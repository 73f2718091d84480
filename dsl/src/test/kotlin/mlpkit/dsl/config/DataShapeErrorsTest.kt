package mlpkit.dsl.config

import mlpkit.core.concept.Registry
import mlpkit.core.loss.Loss
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class DataShapeErrorsTest {
    private fun spec(text: String = MOONS) = ExperimentFiles.parseJson(text, "moons.json")

    private fun problems(text: String, samples: Int = 100, features: Int = 2, classes: Int? = 2, outputs: Int = 1): List<String> =
        SpecValidation.validateAgainstData(spec(text), "moons.json", samples, features, classes, outputs).map { it.message!! }

    @Test
    fun `a batch larger than the training part is rejected`() {
        val text = moonsWith("\"noise\": 0.1}}}", "\"noise\": 0.1}}, \"split\": {\"test\": 0.2}}")
            .replace("\"batchSize\": \"full\"", "\"batchSize\": 90")
        assertEquals(
            listOf(
                "moons.json: $.training.batchSize: batch larger than the training data " +
                    "(expected at most 80 rows, the training part of 100 samples, got 90); use \"full\" for one batch of all rows, or a smaller batch",
            ),
            problems(text),
        )
    }

    @Test
    fun `an output layer with fewer units than classes is rejected with its index and notation`() {
        assertEquals(
            listOf(
                "moons.json: $.network: the output layer $.network[1] = dense(2, softmax) does not fit the data " +
                    "(expected 3 units for 3 classes, e.g. dense(3, softmax) with softmax-ce, got 2 units)",
            ),
            problems(MOONS, classes = 3),
        )
    }

    @Test
    fun `an output layer that does not give one value per regression target is rejected`() {
        val text = moonsWith("dense(2, softmax)", "dense(1, identity)").replace("softmax-ce", "mse")
        assertEquals(
            listOf(
                "moons.json: $.network: the output layer $.network[1] = dense(1, identity) does not fit the data " +
                    "(expected 3 units for 3 regression targets, got 1 unit)",
            ),
            problems(text, classes = null, outputs = 3),
        )
    }

    @Test
    fun `regression metrics do not fit class labels and max error does not fit several outputs`() {
        val onClasses = MOONS.replace("\n}", ",\n  \"expect\": [{\"metric\": \"train_r2\", \"atLeast\": 0.5}]\n}")
        assertEquals(
            listOf(
                "moons.json: $.expect[0].metric: train_r2 needs real-valued (regression) targets " +
                    "(expected a metric measured for class labels, e.g. accuracy or loss, got \"train_r2\")",
            ),
            problems(onClasses),
        )
        val threeOutputs = moonsWith("dense(2, softmax)", "dense(3, identity)").replace("softmax-ce", "mse")
            .replace("\n}", ",\n  \"expect\": [{\"metric\": \"train_max_error\", \"atMost\": 9}, {\"metric\": \"train_r2\", \"atLeast\": 0.5}]\n}")
        assertEquals(
            listOf(
                "moons.json: $.expect[0].metric: train_max_error is defined for one output only (as scikit-learn's max_error) " +
                    "(expected a metric measured for 3 outputs, e.g. r2 or mae, got \"train_max_error\")",
            ),
            problems(threeOutputs, classes = null, outputs = 3),
        )
    }

    @Test
    fun `a classification loss and accuracy expectations do not fit regression targets`() {
        val text = moonsWith("dense(2, softmax)", "dense(1, sigmoid)").replace("softmax-ce", "bce")
            .replace("\n}", ",\n  \"expect\": [{\"metric\": \"train_accuracy\", \"atLeast\": 0.9}]\n}")
        assertEquals(
            listOf(
                "moons.json: $.training.loss: a classification loss for regression targets (expected one of ${lossesForValues()}, got bce)",
                "moons.json: $.expect[0].metric: train_accuracy needs class labels " +
                    "(expected a loss or regression metric for regression targets, e.g. test_r2, got \"train_accuracy\")",
            ),
            problems(text, classes = null, outputs = 1),
        )
    }

    @Test
    fun `one sigmoid output for two classes fits, and so do two softmax outputs`() {
        val sigmoid = moonsWith("dense(2, softmax)", "dense(1, sigmoid)").replace("softmax-ce", "bce")
        assertEquals(emptyList<String>(), problems(sigmoid, classes = 2))
        assertEquals(emptyList<String>(), problems(MOONS, classes = 2))
    }

    @Test
    fun `a split that leaves a part empty for this many rows is rejected`() {
        val text = moonsWith("\"noise\": 0.1}}}", "\"noise\": 0.1}}, \"split\": {\"validation\": 0.01}}")
        assertEquals(
            listOf(
                "moons.json: $.data.split: the split does not fit 20 rows: the validation part would be empty: 0.01 of 20 rows is 0.2 rows, " +
                    "which rounds to 0; use a larger fraction, a row count, or 0 for no validation part",
            ),
            problems(text, samples = 20),
        )
    }

    @Test
    fun `a sweep variation with a batch too large for the data is reported at its patch`() {
        val sweep = """,
  "sweep": {"variations": [{"name": "big-batch", "patch": {"training": {"batchSize": 500}}}]}
}"""
        assertEquals(
            listOf(
                "moons.json: $.sweep.variations[0].patch.training.batchSize: variation \"big-batch\": $.training.batchSize: " +
                    "batch larger than the training data (expected at most 100 rows, the training part of 100 samples, got 500); " +
                    "use \"full\" for one batch of all rows, or a smaller batch",
            ),
            problems(MOONS.replace("\n}", sweep)),
        )
    }

    private fun lossesForValues(): String = Registry.builtIns().of(Loss.KIND).all().map { it.create() }
        .filter { it.targets() == Loss.Targets.VALUES }.joinToString(", ") { it.notation() }
}
