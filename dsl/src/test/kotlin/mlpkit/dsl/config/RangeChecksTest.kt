package mlpkit.dsl.config

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.JsonUnquotedLiteral
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.CallbackSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows

@OptIn(kotlinx.serialization.ExperimentalSerializationApi::class)
class RangeChecksTest {
    /**
     * An experiment that holds every object with a ranged key, each value inside its range. It is not a sensible
     * experiment (a sweep beside a cross-validation, augmented moons): only the problems at the key under test count.
     */
    private val base = """{
      "name": "ranges",
      "data": {"source": {"type": "generator", "generator": "make_moons", "params": {"n_samples": 100}},
               "split": {"validation": 0, "test": 0.2, "randomState": 7}, "augment": {"shift": 2}},
      "network": "network < dense(10, relu); dense(2, softmax) >",
      "training": {"loss": "softmax-ce", "optimizer": {"type": "sgd", "lr": 0.1}, "epochs": 5, "batchSize": 16, "threads": 1,
                   "callbacks": [{"type": "earlyStopping", "monitor": "train_loss", "patience": 3, "minDelta": 0.001},
                                 {"type": "checkpoint", "every": 2}]},
      "sweep": {"parallelism": 2, "cv": 3, "variations": [{"name": "a", "patch": {}}]},
      "validation": {"cv": 5, "repeats": 1, "randomState": 0, "parallelism": 1},
      "cluster": {"master": "local[2]", "partitions": 2, "localSteps": 1}
    }"""

    private val ranged = ConfigKeys.all().filter { it.range.isNotEmpty() }

    private fun problems(text: String): List<ConfigException> = ExperimentFiles.checkJson(text, "ranges.json")

    /** One side of a documented range (`a whole number ≥ 1`, `a number in [0, 1)`): the value at the bound and the first past it. */
    private data class Side(val inside: String, val outside: String, val shownOutside: String)

    private fun sides(range: String): List<Side> {
        val whole = range.startsWith("a whole number ")
        val bounds = range.removePrefix("a whole number ").removePrefix("a number ")
        val interval = Regex("""in ([\[(])(\S+), (\S+)([])])""").matchEntire(bounds)
        val limits = if (interval != null) {
            val (open, lo, hi, close) = interval.destructured
            listOf((if (open == "[") "≥" else ">") to lo, (if (close == "]") "≤" else "<") to hi)
        } else {
            listOf(bounds.substringBefore(' ') to bounds.substringAfter(' '))
        }
        return limits.map { (op, bound) -> side(op, bound, whole) }
    }

    private fun side(op: String, bound: String, whole: Boolean): Side {
        if (whole) {
            val b = bound.toLong()
            val (inside, outside) = when (op) {
                "≥" -> b to b - 1
                ">" -> b + 1 to b
                "≤" -> b to b + 1
                "<" -> b - 1 to b
                else -> error("unknown bound $op")
            }
            return Side(inside.toString(), outside.toString(), outside.toString())
        }
        val b = bound.toDouble()
        val (inside, outside) = when (op) {
            "≥" -> b to Math.nextDown(b)
            ">" -> Math.nextUp(b) to b
            "≤" -> b to Math.nextUp(b)
            "<" -> Math.nextDown(b) to b
            else -> error("unknown bound $op")
        }
        return Side(inside.toString(), outside.toString(), Problems.number(outside))
    }

    /** [base] with [number] (JSON text) at [key]'s path; `[i]` is the list element of [key]'s variant. Returns the text and the concrete path. */
    private fun withValue(key: ConfigKeys.Key, number: String): Pair<String, String> {
        val variant = key.variant.substringAfter(": ").trim('"')
        val segments = key.path.removePrefix("$.").split('.')
        var concrete = "$"
        fun put(node: JsonElement, at: Int): JsonElement {
            val segment = segments[at]
            val name = segment.removeSuffix("[i]")
            val obj = node as? JsonObject ?: error("the test's base file has no object at $concrete for ${key.path}: add one")
            val child = obj[name] ?: if (at == segments.lastIndex) JsonPrimitive(0) else error("the test's base file has no $concrete.$name for ${key.path}: add one")
            concrete += ".$name"
            val replaced = when {
                at == segments.lastIndex -> JsonUnquotedLiteral(number)
                segment.endsWith("[i]") -> {
                    val list = child as JsonArray
                    val index = list.indexOfFirst { it.jsonObject["type"]?.jsonPrimitive?.content == variant }
                    require(index >= 0) { "the test's base file has no $variant in $concrete for ${key.path}: add one" }
                    concrete += "[$index]"
                    JsonArray(list.mapIndexed { i, item -> if (i == index) put(item, at + 1) else item })
                }
                else -> put(child, at + 1)
            }
            return JsonObject(obj + (name to replaced))
        }
        val text = put(Json.parseToJsonElement(base), 0).toString()
        return text to concrete
    }

    @Test
    fun `the base file has no range problem, so every problem below comes from the value under test`() {
        assertEquals(emptyList<String>(), problems(base).filter { "out of range" in it.problem }.map { it.message })
    }

    @TestFactory
    fun `each ranged key refuses the first value past each bound and accepts the bound`(): List<DynamicTest> {
        assertTrue(ranged.size >= 17, ranged.joinToString("\n"))
        return ranged.flatMap { key ->
            val name = key.path.substringAfterLast('.')
            sides(key.range).map { side ->
                DynamicTest.dynamicTest("${key.path} (${key.range}): ${side.inside} passes, ${side.outside} is refused") {
                    val (outsideText, path) = withValue(key, side.outside)
                    val refused = problems(outsideText).filter { it.jsonPath == path && it.problem.startsWith("$name out of range") }
                    assertEquals(1, refused.size, problems(outsideText).joinToString("\n") { it.message!! })
                    val prefix = "$name out of range (expected ${key.range}, got ${side.shownOutside}); "
                    assertTrue(refused[0].problem.startsWith(prefix) && refused[0].problem.length > prefix.length, refused[0].problem)
                    val (insideText, _) = withValue(key, side.inside)
                    val accepted = problems(insideText).filter { it.jsonPath == path && it.problem.startsWith("$name out of range") }
                    assertEquals(emptyList<ConfigException>(), accepted)
                }
            }
        }
    }

    @Test
    fun `every numeric key of an experiment file declares its range, or is one that takes any number`() {
        // A seed may be any whole number; an expectation bounds a metric whose own range depends on the metric.
        val anyNumber = setOf("$.training.seed", "$.expect[i].atLeast", "$.expect[i].atMost", "$.expect[i].article")
        val numeric = ConfigKeys.all().filter { it.expected.startsWith("a whole number") || it.expected.startsWith("a number") }
        assertTrue(numeric.size > anyNumber.size)
        val undeclared = numeric.filter { it.range.isEmpty() && it.path !in anyNumber }.map { it.path }
        assertEquals(emptyList<String>(), undeclared)
        assertEquals(anyNumber, numeric.filter { it.range.isEmpty() }.map { it.path }.toSet())
    }

    @Test
    fun `no epochs is refused at its path with the range, the value written and a fix`() {
        assertEquals(
            "moons.json: $.training.epochs: epochs out of range (expected a whole number ≥ 1, got 0); the passes over the training rows, e.g. 100",
            firstProblem(moonsWith("\"epochs\": 300", "\"epochs\": 0")),
        )
    }

    @Test
    fun `a validation fraction of 1 leaves no training rows and is refused as outside 0 to 1`() {
        assertEquals(
            "moons.json: $.data.split.validation: validation out of range (expected a number in [0, 1), got 1); e.g. 0.2",
            firstProblem(moonsWith("\"noise\": 0.1}}}", "\"noise\": 0.1}}, \"split\": {\"validation\": 1.0}}")),
        )
    }

    @Test
    fun `a negative minimum improvement is refused with the value as written`() {
        val callbacks = """"batchSize": "full", "callbacks": [{"type": "earlyStopping", "monitor": "train_loss", "minDelta": -0.001}]"""
        assertEquals(
            listOf(
                "moons.json: $.training.callbacks[0].minDelta: minDelta out of range (expected a number ≥ 0, got -0.001); " +
                    "the smallest change that counts as an improvement, e.g. 0 or 0.0001",
            ),
            allProblems(moonsWith("\"batchSize\": \"full\"", callbacks)),
        )
    }

    @Test
    fun `a cross-validation's seed past numpy's range is refused with the range written out`() {
        assertEquals(
            "moons.json: $.validation.randomState: randomState out of range (expected a whole number in [0, 4294967295], got 4294967296); " +
                "a numpy seed, e.g. 0, or leave it out to draw it from training.seed",
            firstProblem(MOONS.replace("\n}", ",\n  \"validation\": {\"cv\": 5, \"randomState\": 4294967296}\n}")),
        )
    }

    @Test
    fun `a DSL experiment gets the same refusal from the same declaration`() {
        val e = assertThrows<ConfigException> {
            experiment("moons") {
                data { moons(samples = 100, noise = 0.1, randomState = 0) }
                network { dense(10, relu); dense(2, softmax) }
                training { loss = softmaxCe; optimizer = sgd(lr = 0.5); epochs = 0 }
            }
        }
        assertEquals("moons: $.training.epochs: epochs out of range (expected a whole number ≥ 1, got 0); the passes over the training rows, e.g. 100", e.message)
    }

    @Test
    fun `a DSL callback with a minimum improvement that is not a number is refused as JSON cannot say it`() {
        val spec = ExperimentFiles.parseJson(MOONS, "moons.json")
        val nan = spec.copy(training = spec.training.copy(callbacks = listOf(CallbackSpec.EarlyStopping(monitor = "train_loss", minDelta = Double.NaN))))
        assertEquals(
            listOf(
                "moons: $.training.callbacks[0].minDelta: minDelta out of range (expected a number ≥ 0, got NaN); " +
                    "the smallest change that counts as an improvement, e.g. 0 or 0.0001",
            ),
            SpecValidation.validate(nan, "moons").map { it.message },
        )
    }
}
