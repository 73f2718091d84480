package mlpkit.dsl

import mlpkit.dsl.spec.Expectation

/** `expect { trainAccuracy atLeast 0.97; testAuc atLeast 0.95 }`. */
@MlpDsl
class ExpectBuilder internal constructor(initial: List<Expectation>) {
    private val expectations = initial.toMutableList()

    /** A metric by its report name, e.g. `metric("test_accuracy")`. */
    fun metric(name: String): MetricRef = MetricRef(name)

    val trainAccuracy: MetricRef get() = MetricRef("train_accuracy")
    val validationAccuracy: MetricRef get() = MetricRef("validation_accuracy")
    val testAccuracy: MetricRef get() = MetricRef("test_accuracy")
    val trainLoss: MetricRef get() = MetricRef("train_loss")
    val validationLoss: MetricRef get() = MetricRef("validation_loss")
    val testLoss: MetricRef get() = MetricRef("test_loss")
    val trainAuc: MetricRef get() = MetricRef("train_auc")
    val testAuc: MetricRef get() = MetricRef("test_auc")

    infix fun MetricRef.atLeast(value: Double) {
        expectations += Expectation(name, atLeast = value)
    }

    infix fun MetricRef.atMost(value: Double) {
        expectations += Expectation(name, atMost = value)
    }

    internal fun build(): List<Expectation> = expectations.toList()
}

/** A metric named in an `expect { }` block. */
data class MetricRef(val name: String)
