package mlpkit.dsl.config

import mlpkit.dsl.spec.ExperimentSpec

/** What can be wrong with `expect` without the data: metric names, bounds, and parts that will not exist. */
internal object ExpectationChecks {
    private val expectPath = JsonPath.ROOT.key("expect")

    fun check(spec: ExperimentSpec, problems: Problems) {
        spec.expect.forEachIndexed { i, expectation ->
            val path = expectPath.index(i)
            val metric = expectation.metric
            val split = spec.data.split
            when {
                metric !in KnownNames.metrics -> problems.add(
                    path.key("metric"), "unknown metric", JsonText.oneOf(KnownNames.metrics), JsonText.quoted(metric),
                    JsonText.suggestion(metric, KnownNames.metrics),
                )
                KnownNames.onValidation(metric) && split.validation <= 0.0 ->
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
