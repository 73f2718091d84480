package mlpkit.dsl

import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.spec.Expectation

/**
 * `expect { trainAccuracy atLeast 0.97; testAuc atLeast 0.95 article 0.96 }`: a bar per metric, and
 * optionally the figure the source article reports for it (shown beside ours by `mlp verify`). The
 * metric names (`trainAccuracy`, `validationLoss`, …) are generated from the metric registry into
 * [MetricVocabulary].
 */
@MlpDsl
class ExpectBuilder internal constructor(initial: List<Expectation>) : MetricVocabulary {
    private val expectations = initial.toMutableList()

    /** A metric by its report name, e.g. `metric("test_accuracy")`. */
    fun metric(name: String): MetricRef = MetricRef(name)

    /** A cross-validation's mean of [metric] over the folds: `cv(validationAccuracy) atLeast 0.9` bounds `cv_validation_accuracy`. */
    fun cv(metric: MetricRef): MetricRef = MetricRef(CvResult.summaryName(metric.name))

    /** A cross-validation's (population) standard deviation of [metric] over the folds: `cvStd(validationAccuracy) atMost 0.05`. */
    fun cvStd(metric: MetricRef): MetricRef = MetricRef(CvResult.summaryName(metric.name) + CvResult.STD_SUFFIX)

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
