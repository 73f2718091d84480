package mlpkit.dsl.config

import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import mlpkit.core.optim.Sgd
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.SweepSearch
import mlpkit.dsl.sweep.SweepGrid
import mlpkit.dsl.sweep.SweepRunner
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test

/** A sweep's `grid`, `search` and `cv` in JSON: expansion into named variations and the problems at their JSON paths. */
class SweepGridTest {
    private fun withSweep(sweep: String) = MOONS.replace("\n}", ",\n  \"sweep\": $sweep\n}")

    private val twoByTwo = withSweep(
        """{"grid": {"training.optimizer.lr": [0.1, 0.01], "network": ["network < dense(4, relu); dense(2, softmax) >", "network < dense(8, relu); dense(2, softmax) >"]}}""",
    )

    @Test
    fun `a grid expands into one named variation per combination, the last key fastest`() {
        val spec = ExperimentFiles.parseJson(twoByTwo, "moons.json")
        val variants = SweepRunner().variants(spec)
        assertEquals(
            listOf(
                "lr=0.1, network=network < dense(4, relu); dense(2, softmax) >",
                "lr=0.1, network=network < dense(8, relu); dense(2, softmax) >",
                "lr=0.01, network=network < dense(4, relu); dense(2, softmax) >",
                "lr=0.01, network=network < dense(8, relu); dense(2, softmax) >",
            ),
            variants.map { it.first },
        )
        val (_, last) = variants[3]
        assertEquals(0.01, (last.training.optimizer as Sgd).lr())
        assertEquals("network < dense(8, relu); dense(2, softmax) >", last.network.notation())
        assertEquals(300, last.training.epochs)
        assertEquals("moons-lr=0.01, network=network < dense(8, relu); dense(2, softmax) >", last.name)
    }

    @Test
    fun `a random search keeps n grid points drawn with the experiment's seed, in grid order`() {
        val spec = ExperimentFiles.parseJson(twoByTwo.replace("{\"grid\"", "{\"search\": {\"random\": 2}, \"cv\": 5, \"grid\""), "moons.json")
        assertEquals(SweepSearch.Random(2), spec.sweep!!.searchMode())
        assertEquals(5, spec.sweep!!.cv)
        val names = SweepRunner().variants(spec).map { it.first }
        val all = SweepRunner().variants(ExperimentFiles.parseJson(twoByTwo, "moons.json")).map { it.first }
        // numpy: rs = RandomState(0); a = arange(4); rs.shuffle(a) -> [2, 3, 1, 0]; the first two, in grid order: 2, 3
        assertEquals(listOf(all[2], all[3]), names)
    }

    @Test
    fun `the expansion is the merge patch of every key at its value`() {
        val patch = SweepGrid.patch(listOf("training.optimizer.lr" to JsonPrimitive(0.1), "training.epochs" to JsonPrimitive(5)))
        assertEquals("""{"training":{"optimizer":{"lr":0.1},"epochs":5}}""", patch.toString())
        assertEquals(listOf(listOf("a" to JsonPrimitive(1), "b" to JsonPrimitive(3)), listOf("a" to JsonPrimitive(1), "b" to JsonPrimitive(4)),
            listOf("a" to JsonPrimitive(2), "b" to JsonPrimitive(3)), listOf("a" to JsonPrimitive(2), "b" to JsonPrimitive(4))),
            SweepGrid.combinations(mapOf("a" to listOf(JsonPrimitive(1), JsonPrimitive(2)), "b" to listOf(JsonPrimitive(3), JsonPrimitive(4)))))
    }

    @Test
    fun `an unknown path is reported at the grid key with the keys that exist there`() {
        assertEquals(
            listOf(
                "moons.json: \$.sweep.grid[\"training.optimiser.lr\"]: unknown path into the experiment: \$.training.optimiser: unknown key " +
                    "(expected one of loss, reduction, optimizer, schedule, epochs, batchSize, seed, threads, callbacks, divergence, shuffle, classWeight, weightNormalization, " +
                    "got \"optimiser\"); did you mean \"optimizer\"?",
            ),
            allProblems(withSweep("""{"grid": {"training.optimiser.lr": [0.1, 0.2]}}""")),
        )
        assertEquals(
            listOf(
                "moons.json: \$.sweep.grid[\"training.optimizer.lrr\"]: unknown path into the experiment: \$.training.optimizer.lrr: unknown key " +
                    "(expected one of type, lr, momentum, nesterov, weightDecay, clipNorm, convention, weightDecayPer, got \"lrr\"); did you mean 'lr'?",
            ),
            allProblems(withSweep("""{"grid": {"training.optimizer.lrr": [0.1]}}""")),
        )
    }

    @Test
    fun `a value its field refuses is reported at the value, and search, cv and empty grids at theirs`() {
        assertEquals(
            listOf("moons.json: \$.sweep.grid[\"training.optimizer.lr\"][1]: -1 at \$.training.optimizer.lr: lr out of range (expected a number > 0, got -1); try 0.01"),
            allProblems(withSweep("""{"grid": {"training.optimizer.lr": [0.1, -1]}}""")),
        )
        assertEquals(
            listOf(
                "moons.json: \$.sweep.cv: cv out of range (expected a whole number ≥ 2, got 1); 5 or 10 are usual",
                "moons.json: \$.sweep.search: unknown search (expected \"grid\" or {\"random\": n} with n ≥ 1, got \"all\")",
                "moons.json: \$.sweep.grid[\"training.epochs\"]: no values (expected a list of at least one value to try, got [])",
            ),
            allProblems(withSweep("""{"grid": {"training.epochs": []}, "search": "all", "cv": 1}""")),
        )
        assertEquals(
            listOf("moons.json: \$.sweep.grid: an empty grid (expected at least one \"path.into.the.experiment\": [values…], got {})"),
            allProblems(withSweep("""{"grid": {}}""")),
        )
    }

    @Test
    fun `a sweep without grid, search or cv writes the same JSON as before`() {
        val spec = ExperimentFiles.parseJson(withSweep("""{"variations": [{"name": "a", "patch": {"training": {"epochs": 3}}}]}"""), "moons.json")
        val json = SpecJson.format.encodeToJsonElement(mlpkit.dsl.spec.ExperimentSpec.serializer(), spec).jsonObject.getValue("sweep").jsonObject
        assertEquals(setOf("variations"), json.keys)
        assertFalse(spec.sweep!!.grid != null)
    }

    @Test
    fun `a sweep with cv refuses a validation block in a variation's patch or a grid key`() {
        val sweep = """{"variations": [{"name": "own", "patch": {"validation": {"cv": 3}}}], "grid": {"validation.cv": [3, 4]}, "cv": 5}"""
        assertEquals(
            listOf(
                "moons.json: \$.sweep.variations[0].patch.validation: the sweep's \"cv\": 5 cross-validates every variation itself: remove \"validation\" from this patch, or remove \"cv\" from the sweep",
                "moons.json: \$.sweep.grid[\"validation.cv\"]: the sweep's \"cv\": 5 cross-validates every variation itself: vary the folds with the sweep's \"cv\", not with a grid key into \"validation\"",
            ),
            allProblems(withSweep(sweep)).filter { "cross-validates every variation" in it },
        )
    }

}
