package mlpkit.dsl

import mlpkit.dsl.spec.Expectation

/**
 * `expect { trainAccuracy atLeast 0.97; testAuc atLeast 0.95 article 0.96 }`: a bar per metric, and
 * optionally the figure the source article reports for it (shown beside ours by `mlp verify`).
 */
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

    infix fun MetricRef.atLeast(value: Double): WrittenExpectation {
        expectations += Expectation(name, atLeast = value)
        return WrittenExpectation(expectations.lastIndex)
    }

    infix fun MetricRef.atMost(value: Double): WrittenExpectation {
        expectations += Expectation(name, atMost = value)
        return WrittenExpectation(expectations.lastIndex)
    }

    /** The article's own figure for the expectation just written: `testAuc atLeast 0.95 article 0.96`. */
    infix fun WrittenExpectation.article(value: Double) {
        expectations[index] = expectations[index].copy(article = value)
    }

    internal fun build(): List<Expectation> = expectations.toList()
}

/** A metric named in an `expect { }` block. */
data class MetricRef(val name: String)

/** An expectation already added to an `expect { }` block, to attach the article's figure to. */
class WrittenExpectation internal constructor(internal val index: Int)
