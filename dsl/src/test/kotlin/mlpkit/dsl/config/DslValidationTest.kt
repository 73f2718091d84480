package mlpkit.dsl.config

import mlpkit.dsl.experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertDoesNotThrow
import org.junit.jupiter.api.assertThrows

class DslValidationTest {
    @Test
    fun `a DSL experiment gets the JSON messages headed by its name`() {
        val e = assertThrows<ConfigException> {
            experiment("moons") {
                data { moons(samples = 100, noise = 0.1, randomState = 0) }
                network { dense(10, relu); dense(2, softmax) }
                training { loss = bce; optimizer = sgd(lr = 0.5); epochs = 300 }
            }
        }
        assertEquals(
            "moons: $.training.loss: bce does not suit the output layer $.network[1] = dense(2, softmax) " +
                "(expected ${lossesSuitingSoftmax()} for a softmax output, got bce); or make the output layer dense(k, sigmoid)",
            e.message,
        )
    }

    @Test
    fun `a valid DSL experiment with a sweep passes`() {
        val swept = experiment("hidden") {
            data { classification(samples = 200, randomState = 1) }
            network { dense(2, sigmoid); dense(1, sigmoid) }
            training { optimizer = adam(lr = 0.01) }
            sweep(parallelism = 2) {
                for (h in listOf(4, 8)) variant("h=$h") { network { dense(h, sigmoid); dense(1, sigmoid) } }
                variant("sgd") { training { optimizer = sgd(lr = 0.1, momentum = 0.9) } }
            }
        }
        assertDoesNotThrow { SpecValidation.requireValid(swept.spec, swept.spec.name) }
        assertEquals(emptyList<ConfigException>(), SpecValidation.validateAgainstData(swept.spec, "hidden", 200, 20, 2, 1))
    }

    @Test
    fun `all problems are attached to the one thrown`() {
        val e = assertThrows<ConfigException> {
            experiment("broken") {
                data { moons(samples = 100); split(validation = 0.6, test = 0.6) }
                network("network < dense(3, relu); dense(1, sigmoid) >")
                training { optimizer = sgd(lr = 0.1); epochs = 0; threads = 0 }
            }
        }
        assertEquals(
            listOf(
                "broken: $.data.split: no rows left for training (expected validation + test < 1, got 0.6 + 0.6 = 1.2)",
                "broken: $.training.epochs: epochs out of range (expected a whole number ≥ 1, got 0); the passes over the training rows, e.g. 100",
                "broken: $.training.threads: threads out of range (expected a whole number ≥ 1, got 0); e.g. 1, or the machine's processors",
            ),
            e.problems.map { it.message },
        )
    }

    @Test
    fun `a concept's argument out of range fails where it is written, with the concept's own rule`() {
        val e = assertThrows<mlpkit.core.concept.ConceptException> {
            experiment("broken") {
                data { moons(samples = 100) }
                network { dense(3, relu); dense(1, sigmoid) }
                training { optimizer = sgd(lr = -1.0) }
            }
        }
        assertEquals("sgd: lr must be a number > 0, got -1.0; try 0.01", e.message)
        assertEquals("lr", e.parameter())
    }

    private fun lossesSuitingSoftmax(): String {
        val softmax = mlpkit.core.activation.Softmax()
        val names = mlpkit.core.concept.Registry.builtIns().of(mlpkit.core.loss.Loss.KIND).all().map { it.create() }
            .filter { it.suits(softmax) }.map { it.notation() }
        return names.dropLast(1).joinToString(", ") + " or " + names.last()
    }
}
