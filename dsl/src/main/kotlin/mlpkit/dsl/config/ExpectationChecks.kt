package mlpkit.dsl.config

import mlpkit.core.concept.Registry
import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.spec.ExperimentSpec

/** What can be wrong with `expect` without the data: metric names, bounds, and parts that will not exist. */
internal object ExpectationChecks {
    private val expectPath = JsonPath.ROOT.key("expect")

    fun check(spec: ExperimentSpec, registry: Registry, problems: Problems) {
        val metrics = KnownNames.metrics(registry)
        val crossValidated = spec.validation != null
        spec.expect.forEachIndexed { i, expectation ->
            val path = expectPath.index(i)
            val foldMetric = CvResult.foldMetric(expectation.metric)
            val metric = foldMetric ?: expectation.metric
            val split = spec.data.split
            when {
                foldMetric != null && !crossValidated -> problems.add(
                    path.key("metric"), "${expectation.metric} is the folds' mean of a cross-validation", "a metric of this run, e.g. $metric, " +
                        "or a validation block (\"validation\": {\"cv\": 5})", JsonText.quoted(expectation.metric),
                )
                foldMetric == null && crossValidated && metric in metrics -> problems.add(
                    path.key("metric"), "a cross-validated experiment reports the folds' mean and standard deviation of each metric",
                    "${CvResult.summaryName(metric)} or ${CvResult.summaryName(metric)}${CvResult.STD_SUFFIX}", JsonText.quoted(metric),
                )
                metric !in metrics -> problems.add(
                    path.key("metric"), "unknown metric", JsonText.oneOf(metrics), JsonText.quoted(metric),
                    JsonText.suggestion(metric, metrics),
                )
                KnownNames.onValidation(metric) && split.validation <= 0.0 && !crossValidated ->
                    problems.add(path.key("metric"), "$metric needs a validation part", "data.split.validation > 0", Problems.number(split.validation))
                KnownNames.onTest(metric) && split.test <= 0.0 && !DataChecks.hasOwnTestSet(spec.data.source) ->
                    problems.add(path.key("metric"), "$metric needs a test part", "data.split.test > 0 or a source with its own test set", Problems.number(split.test))
            }
            val atLeast = expectation.atLeast
            val atMost = expectation.atMost
            if (atLeast == null && atMost == null) {
                problems.add(path, "no bound", "atLeast, atMost or both", "neither")
            } else if (atLeast != null && atMost != null && atLeast > atMost) {
                problems.add(path, "no value can pass", "atLeast ≤ atMost", "atLeast ${Problems.number(atLeast)} > atMost ${Problems.number(atMost)}")
            }
        }
    }
}
