package mlpkit.dsl.config

import org.junit.jupiter.api.assertThrows

/** A small valid experiment file that the error tests break in one place each. */
internal const val MOONS = """{
  "name": "moons",
  "data": {"source": {"type": "generator", "generator": "make_moons", "params": {"n_samples": 100, "noise": 0.1}}},
  "network": "network < dense(10, relu); dense(2, softmax) >",
  "training": {"loss": "softmax-ce", "optimizer": {"type": "sgd", "lr": 0.5}, "epochs": 300, "batchSize": "full"}
}"""

/** [MOONS] with [old] replaced by [new]; fails when [old] is not there, so a test cannot silently test nothing. */
internal fun moonsWith(old: String, new: String): String {
    require(old in MOONS) { "'$old' is not in the fixture" }
    return MOONS.replace(old, new)
}

/** The message of the problem reading [text] as `moons.json` reports first. */
internal fun firstProblem(text: String): String =
    assertThrows<ConfigException> { ExperimentFiles.parseJson(text, "moons.json") }.message!!

/** The messages of every problem reading [text] reports. */
internal fun allProblems(text: String): List<String> =
    assertThrows<ConfigException> { ExperimentFiles.parseJson(text, "moons.json") }.problems.map { it.message!! }
