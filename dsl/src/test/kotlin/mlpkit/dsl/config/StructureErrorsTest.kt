package mlpkit.dsl.config

import mlpkit.core.activation.Activation
import mlpkit.core.concept.Registry
import mlpkit.core.loss.Loss
import mlpkit.core.optim.OptimizerSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class StructureErrorsTest {
    @Test
    fun `an unknown key is named with the keys allowed in that object`() {
        assertEquals(
            "moons.json: $.training.epoch: unknown key (expected one of loss, reduction, optimizer, schedule, epochs, " +
                "batchSize, seed, threads, callbacks, divergence, shuffle, classWeight, weightNormalization, got \"epoch\"); did you mean \"epochs\"?",
            firstProblem(moonsWith("\"epochs\": 300", "\"epoch\": 300")),
        )
    }

    @Test
    fun `a missing required field is named at its path`() {
        assertEquals(
            "moons.json: $.data.source.generator: missing required key (expected a string, got nothing)",
            firstProblem(moonsWith("\"generator\": \"make_moons\", ", "")),
        )
    }

    @Test
    fun `a value of the wrong type says what type was expected`() {
        assertEquals(
            "moons.json: $.training.epochs: wrong type (expected a whole number, got \"ten\")",
            firstProblem(moonsWith("\"epochs\": 300", "\"epochs\": \"ten\"")),
        )
    }

    @Test
    fun `a number too large for its field is out of range`() {
        assertEquals(
            "moons.json: $.training.epochs: number out of range (expected a whole number from -2147483648 to 2147483647, got 3000000000)",
            firstProblem(moonsWith("\"epochs\": 300", "\"epochs\": 3000000000")),
        )
    }

    @Test
    fun `a bad enum value lists the allowed values`() {
        assertEquals(
            "moons.json: $.training.loss: unknown loss (expected ${Registry.builtIns().of(Loss.KIND).expectation()}, got \"cross-entropy\")",
            firstProblem(moonsWith("\"loss\": \"softmax-ce\"", "\"loss\": \"cross-entropy\"")),
        )
    }

    @Test
    fun `an unknown type discriminator lists the types`() {
        assertEquals(
            "moons.json: $.training.optimizer.type: unknown optimiser type " +
                "(expected ${Registry.builtIns().of(OptimizerSpec.KIND).expectation()}, got \"steepest\")",
            firstProblem(moonsWith("\"type\": \"sgd\"", "\"type\": \"steepest\"")),
        )
    }

    @Test
    fun `a missing type discriminator lists the types`() {
        assertEquals(
            "moons.json: $.training.optimizer.type: missing optimiser type (expected ${Registry.builtIns().of(OptimizerSpec.KIND).expectation()}, got nothing)",
            firstProblem(moonsWith("\"type\": \"sgd\", ", "")),
        )
    }

    @Test
    fun `a network notation that does not parse gives the column`() {
        assertEquals(
            "moons.json: $.network: unknown activation in the network notation at column 37 " +
                "(expected ${Registry.builtIns().of(Activation.KIND).expectation()}, got 'softmx'); did you mean 'softmax'?",
            firstProblem(moonsWith("dense(2, softmax)", "dense(2, softmx)")),
        )
        assertEquals(
            "moons.json: $.network: network notation does not parse at column 27 " +
                "(expected ';' between layers or '>' to close the network, got 'd')",
            firstProblem(moonsWith("dense(10, relu); dense", "dense(10, relu) dense")),
        )
    }

    @Test
    fun `a layer object with a bad field is named by its index`() {
        val layers = """[{"type": "dense", "units": 10, "activation": "relu"}, {"type": "dense", "units": "two", "activation": "softmax"}]"""
        assertEquals(
            "moons.json: $.network[1].units: wrong type (expected a whole number ≥ 1, got \"two\")",
            firstProblem(moonsWith("\"network < dense(10, relu); dense(2, softmax) >\"", layers)),
        )
    }

    @Test
    fun `a network that is neither notation nor layers says both forms`() {
        assertEquals(
            "moons.json: $.network: wrong type (expected a notation string such as \"network < dense(10, relu); dense(2, softmax) >\" " +
                "or a list of layer objects, got an object)",
            firstProblem(moonsWith("\"network < dense(10, relu); dense(2, softmax) >\"", """{"layers": []}""")),
        )
    }

    @Test
    fun `every structural problem is reported, in file order`() {
        val text = moonsWith("\"noise\": 0.1", "\"noise\": 0.1, \"extra\": [1]")
            .replace("\"epochs\": 300", "\"epochs\": 2.5")
            .replace("\"batchSize\": \"full\"", "\"batchSize\": \"all\"")
        assertEquals(
            listOf(
                "moons.json: $.data.source.params.extra: wrong type (expected a number, a string, true, false or null, got a list)",
                "moons.json: $.training.epochs: wrong type (expected a whole number, got 2.5)",
                "moons.json: $.training.batchSize: wrong type (expected a number of rows or \"full\", got \"all\")",
            ),
            allProblems(text),
        )
    }
}
