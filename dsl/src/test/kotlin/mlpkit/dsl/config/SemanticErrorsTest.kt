package mlpkit.dsl.config

import mlpkit.core.activation.Activation
import mlpkit.core.concept.Registry
import mlpkit.core.loss.Loss
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class SemanticErrorsTest {
    private val notation = "\"network < dense(10, relu); dense(2, softmax) >\""

    @Test
    fun `a dense layer object with no units is rejected`() {
        val layers = """[{"type": "dense", "units": 0, "activation": "relu"}, {"type": "dense", "units": 2, "activation": "softmax"}]"""
        assertEquals(
            "moons.json: $.network[0].units: units out of range (expected a whole number ≥ 1, got 0); e.g. dense(10, relu)",
            firstProblem(moonsWith(notation, layers)),
        )
    }

    @Test
    fun `units of 0 in the notation are a notation error with the column`() {
        assertEquals(
            "moons.json: $.network: network notation does not parse at column 17 (expected a whole number ≥ 1 for units of dense, got 0); " +
                "e.g. dense(10, relu)",
            firstProblem(moonsWith("dense(10, relu)", "dense(0, relu)")),
        )
    }

    @Test
    fun `an unknown activation in a layer object is named at its field`() {
        val layers = """[{"type": "dense", "units": 10, "activation": "rectifier"}, {"type": "dense", "units": 2, "activation": "softmax"}]"""
        assertEquals(
            "moons.json: $.network[0].activation: unknown activation " +
                "(expected ${Registry.builtIns().of(Activation.KIND).expectation()}, got \"rectifier\")",
            firstProblem(moonsWith(notation, layers)),
        )
    }

    @Test
    fun `a dropout rate of 1 or more is rejected`() {
        val layers = """[{"type": "dense", "units": 10, "activation": "relu"}, {"type": "dropout", "rate": 1}, {"type": "dense", "units": 2, "activation": "softmax"}]"""
        assertEquals(
            "moons.json: $.network[1].rate: rate out of range (expected a number in [0, 1), got 1); " +
                "it is the fraction of inputs dropped, e.g. dropout(0.2)",
            firstProblem(moonsWith(notation, layers)),
        )
    }

    @Test
    fun `a learning rate of 0 is rejected`() {
        assertEquals(
            "moons.json: $.training.optimizer.lr: lr out of range (expected a number > 0, got 0); try 0.01",
            firstProblem(moonsWith("\"lr\": 0.5", "\"lr\": 0")),
        )
    }

    @Test
    fun `momentum of 1 is rejected`() {
        assertEquals(
            "moons.json: $.training.optimizer.momentum: momentum out of range (expected a number in [0, 1), got 1.0); " +
                "use 0 for plain SGD or a typical value such as 0.9",
            firstProblem(moonsWith("\"lr\": 0.5", "\"lr\": 0.5, \"momentum\": 1.0")),
        )
    }

    @Test
    fun `adam's beta2 of 1 is rejected`() {
        assertEquals(
            "moons.json: $.training.optimizer.beta2: beta2 out of range (expected a number in [0, 1), got 1); " +
                "use a moment decay rate such as 0.9 for beta1 or 0.999 for beta2",
            firstProblem(moonsWith("{\"type\": \"sgd\", \"lr\": 0.5}", "{\"type\": \"adam\", \"beta2\": 1}")),
        )
    }

    @Test
    fun `a softmax output with bce names the loss that fits`() {
        assertEquals(
            "moons.json: $.training.loss: bce does not suit the output layer $.network[1] = dense(2, softmax) " +
                "(expected ${lossesSuiting("softmax")} for a softmax output, got bce); or make the output layer dense(k, sigmoid)",
            firstProblem(moonsWith("\"loss\": \"softmax-ce\"", "\"loss\": \"bce\"")),
        )
    }

    @Test
    fun `softmax-ce after a sigmoid output names bce`() {
        assertEquals(
            "moons.json: $.training.loss: softmax-ce does not suit the output layer $.network[1] = dense(1, sigmoid) " +
                "(expected ${lossesSuiting("sigmoid")} for a sigmoid output, got softmax-ce); or make the output layer dense(k, softmax)",
            firstProblem(moonsWith("dense(2, softmax)", "dense(1, sigmoid)")),
        )
    }

    @Test
    fun `no epochs, no threads and a batch of 0 rows are all reported`() {
        val text = moonsWith("\"epochs\": 300, \"batchSize\": \"full\"", "\"epochs\": 0, \"batchSize\": 0, \"threads\": 0")
        assertEquals(
            listOf(
                "moons.json: $.training.epochs: epochs out of range (expected a whole number ≥ 1, got 0); the passes over the training rows, e.g. 100",
                "moons.json: $.training.batchSize: batchSize out of range (expected a whole number ≥ 1, got 0); " +
                    "rows per mini-batch, e.g. 32, or \"full\" for full-batch training",
                "moons.json: $.training.threads: threads out of range (expected a whole number ≥ 1, got 0); e.g. 1, or the machine's processors",
            ),
            allProblems(text),
        )
    }

    @Test
    fun `split fractions that leave no training rows are rejected`() {
        assertEquals(
            "moons.json: $.data.split: no rows left for training (expected validation + test < 1, got 0.5 + 0.5 = 1)",
            firstProblem(moonsWith("\"noise\": 0.1}}}", "\"noise\": 0.1}}, \"split\": {\"validation\": 0.5, \"test\": 0.5}}")),
        )
    }

    @Test
    fun `a negative split fraction is rejected`() {
        assertEquals(
            "moons.json: $.data.split.test: test out of range (expected a number in [0, 1), got -0.2); e.g. 0.2",
            firstProblem(moonsWith("\"noise\": 0.1}}}", "\"noise\": 0.1}}, \"split\": {\"test\": -0.2}}")),
        )
    }

    @Test
    fun `an unknown generator lists the generators`() {
        assertEquals(
            "moons.json: $.data.source.generator: unknown generator (expected one of make_classification, make_moons, " +
                "make_circles, make_blobs, make_regression, got \"make_moon\"); did you mean \"make_moons\"?",
            firstProblem(moonsWith("\"make_moons\"", "\"make_moon\"")),
        )
    }

    @Test
    fun `an unknown generator parameter lists that generator's parameters`() {
        assertEquals(
            "moons.json: $.data.source.params.n_sample: unknown parameter of make_moons " +
                "(expected one of n_samples, shuffle, noise, random_state, got \"n_sample\"); did you mean \"n_samples\"?",
            firstProblem(moonsWith("\"n_samples\"", "\"n_sample\"")),
        )
    }

    @Test
    fun `a generator parameter value of the wrong kind is rejected`() {
        assertEquals(
            "moons.json: $.data.source.params.noise: invalid value for make_moons (expected a number or none, got \"loud\")",
            firstProblem(moonsWith("\"noise\": 0.1", "\"noise\": \"loud\"")),
        )
    }

    @Test
    fun `an unknown built-in set lists the sets`() {
        val source = """{"type": "generator", "generator": "make_moons", "params": {"n_samples": 100, "noise": 0.1}}"""
        assertEquals(
            "moons.json: $.data.source.set: unknown built-in set (expected one of digits, iris, wine, breast-cancer, diabetes, linnerud, penguins, mnist, fashion-mnist, got \"mnst\"); did you mean \"mnist\"?",
            firstProblem(moonsWith(source, """{"type": "builtin", "set": "mnst"}""")),
        )
    }

    @Test
    fun `an unknown expectation metric lists the metrics`() {
        assertEquals(
            "moons.json: $.expect[0].metric: unknown metric (expected one of ${KnownNames.metrics(Registry.builtIns()).joinToString(", ")}, " +
                "got \"train_acc\"); did you mean \"train_accuracy\"?",
            firstProblem(MOONS.replace("\n}", ",\n  \"expect\": [{\"metric\": \"train_acc\", \"atLeast\": 0.9}]\n}")),
        )
    }

    @Test
    fun `an expectation without a bound is rejected`() {
        assertEquals(
            "moons.json: $.expect[0]: no bound (expected atLeast, atMost or both, got neither)",
            firstProblem(MOONS.replace("\n}", ",\n  \"expect\": [{\"metric\": \"train_accuracy\"}]\n}")),
        )
    }

    @Test
    fun `an expectation on a test part that does not exist is rejected`() {
        assertEquals(
            "moons.json: $.expect[0].metric: test_accuracy needs a test part (expected data.split.test > 0 or a source with its own test set, got 0)",
            firstProblem(MOONS.replace("\n}", ",\n  \"expect\": [{\"metric\": \"test_accuracy\", \"atLeast\": 0.9}]\n}")),
        )
    }

    @Test
    fun `early stopping on an unknown monitor or with no patience is rejected`() {
        val callbacks = """"batchSize": "full", "callbacks": [{"type": "earlyStopping", "monitor": "val_los", "patience": 0}, {"type": "checkpoint", "every": 0}]"""
        assertEquals(
            listOf(
                "moons.json: $.training.callbacks[0].monitor: unknown monitor (expected one of " +
                    "${KnownNames.monitors(Registry.builtIns()).joinToString(", ")}, got \"val_los\"); did you mean \"val_loss\"?",
                "moons.json: $.training.callbacks[0].patience: patience out of range (expected a whole number ≥ 1, got 0); " +
                    "the epochs without improvement before stopping, e.g. 10",
                "moons.json: $.training.callbacks[1].every: every out of range (expected a whole number ≥ 1, got 0); the epochs between checkpoints, e.g. 1",
            ),
            allProblems(moonsWith("\"batchSize\": \"full\"", callbacks)),
        )
    }

    @Test
    fun `a sweep variation whose patch makes an invalid experiment is reported at the patch`() {
        val sweep = """,
  "sweep": {"parallelism": 2, "variations": [
    {"name": "wide", "patch": {"network": "network < dense(64, relu); dense(2, softmax) >"}},
    {"name": "slow", "patch": {"training": {"optimizer": {"lr": -1}}}},
    {"name": "binary", "patch": {"network": "network < dense(10, relu); dense(1, sigmoid) >"}}
  ]}
}"""
        assertEquals(
            listOf(
                "moons.json: $.sweep.variations[1].patch.training.optimizer.lr: variation \"slow\": $.training.optimizer.lr: " +
                    "lr out of range (expected a number > 0, got -1); try 0.01",
                "moons.json: $.sweep.variations[2].patch: variation \"binary\": $.training.loss: softmax-ce does not suit the output layer " +
                    "$.network[1] = dense(1, sigmoid) (expected ${lossesSuiting("sigmoid")} for a sigmoid output, got softmax-ce); " +
                    "or make the output layer dense(k, softmax)",
            ),
            allProblems(MOONS.replace("\n}", sweep)),
        )
    }

    @Test
    fun `a sweep variation with a wrongly typed patch value is reported at the patch`() {
        val sweep = """,
  "sweep": {"variations": [{"name": "long", "patch": {"training": {"epochs": "many"}}}], "parallelism": 0}
}"""
        assertEquals(
            listOf(
                "moons.json: $.sweep.parallelism: parallelism out of range (expected a whole number ≥ 1, got 0); the variations trained at once, e.g. 2",
                "moons.json: $.sweep.variations[0].patch.training.epochs: variation \"long\": $.training.epochs: " +
                    "wrong type (expected a whole number, got \"many\")",
            ),
            allProblems(MOONS.replace("\n}", sweep)),
        )
    }

    @Test
    fun `a variation that changes the optimizer type must remove the base's other options`() {
        val text = moonsWith("{\"type\": \"sgd\", \"lr\": 0.5}", "{\"type\": \"sgd\", \"lr\": 0.5, \"momentum\": 0.9}")
            .replace("\n}", ",\n  \"sweep\": {\"variations\": [{\"name\": \"adam\", \"patch\": {\"training\": {\"optimizer\": {\"type\": \"adam\"}}}}]}\n}")
        assertEquals(
            listOf(
                "moons.json: $.sweep.variations[0].patch.training.optimizer: variation \"adam\": $.training.optimizer.momentum: " +
                    "unknown key (expected one of type, lr, beta1, beta2, eps, weightDecay, clipNorm, convention, weightDecayPer, got \"momentum\"); " +
                    "the base experiment has it: set it to null in the patch to remove it",
            ),
            allProblems(text),
        )
    }

    @Test
    fun `a layer object's activation with the wrong number of arguments is rejected`() {
        val layers = """[{"type": "dense", "units": 10, "activation": "leakyRelu(0.1, 2)"}, {"type": "dense", "units": 2, "activation": "softmax"}]"""
        assertEquals(
            "moons.json: $.network[0].activation: activation does not parse at column 16 of \"leakyRelu(0.1, 2)\" " +
                "(expected at most 1 argument for leakyRelu, got '2'); write leakyRelu(alpha=0.01)",
            firstProblem(moonsWith(notation, layers)),
        )
    }

    @Test
    fun `a layer object's activation cannot smuggle in another layer`() {
        val layers = """[{"type": "dense", "units": 2, "activation": "relu); dense(2, softmax"}]"""
        assertEquals(
            "moons.json: $.network[0].activation: activation does not parse at column 5 of \"relu); dense(2, softmax\" " +
                "(expected the end of the notation after an activation, got ')')",
            firstProblem(moonsWith(notation, layers)),
        )
    }

    @Test
    fun `augmenting a generated set is refused at data augment, since only images can be shifted`() {
        assertEquals(
            "moons.json: $.data.augment: augmentation shifts images (expected an image set (mnist, fashion-mnist or idx files), " +
                "got a generator (make_moons) source); remove $.data.augment or train on images",
            firstProblem(moonsWith("\"noise\": 0.1}}", "\"noise\": 0.1}}, \"augment\": {\"shift\": 2}")),
        )
    }

    @Test
    fun `a shift of 0 pixels is refused at its path`() {
        val mnist = moonsWith(
            "{\"type\": \"generator\", \"generator\": \"make_moons\", \"params\": {\"n_samples\": 100, \"noise\": 0.1}}",
            "{\"type\": \"builtin\", \"set\": \"mnist\"}, \"augment\": {\"shift\": 0}",
        )
        assertEquals(
            listOf("moons.json: $.data.augment.shift: shift out of range (expected a whole number ≥ 1, got 0); the largest shift in pixels, e.g. 2"),
            allProblems(mnist).filter { "augment" in it },
        )
    }

    /** The losses that suit an output activation, as the message lists them: `bce, half-sse or mse`. */
    private fun lossesSuiting(activation: String): String {
        val output = Registry.builtIns().parse(Activation.KIND, activation)
        val names = Registry.builtIns().of(Loss.KIND).all().map { it.create() }.filter { it.suits(output) }.map { it.notation() }
        return names.dropLast(1).joinToString(", ") + " or " + names.last()
    }
}
