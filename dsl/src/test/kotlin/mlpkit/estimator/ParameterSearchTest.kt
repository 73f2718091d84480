package mlpkit.estimator

import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.estimator.EstimatorFixtures.assertClose
import mlpkit.estimator.EstimatorFixtures.doubles
import mlpkit.estimator.EstimatorFixtures.matrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** GridSearch / RandomSearch against scikit-learn 1.2.1's GridSearchCV (search.json, scripts/generate_search_fixtures.py). */
class ParameterSearchTest {
    private val fixture = EstimatorFixtures.read("search.json")
    private val grid = fixture.getValue("grid_search").jsonObject
    private val irisX = matrix(fixture.getValue("iris").jsonObject.getValue("x"))
    private val irisY = fixture.getValue("iris").jsonObject.getValue("y").jsonArray.map { it.jsonPrimitive.int }.toIntArray()

    private fun base() = MlpClassifier(solver = Solver.sgd, maxIter = 30, randomState = 0)

    private val sklearnGrid: Map<String, List<Any?>> = mapOf("learning_rate_init" to listOf(0.01, 0.1), "hidden_layer_sizes" to listOf(listOf(3), listOf(5)))

    /** A parameter value as the fixture writes it (layer sizes as lists). */
    private fun plain(value: Any?): Any? = when (value) {
        is IntArray -> value.toList()
        is List<*> -> value.map { (it as Number).toInt() }
        else -> value
    }

    @Test
    fun `a grid search gives scikit-learn's cv_results_, best params, score and index, and refits the best`() {
        val search = GridSearch(base(), sklearnGrid, cv = 5).fit(irisX, irisY)
        val results = search.cvResults
        val expectedParams = grid.getValue("params").jsonArray.map { p ->
            p.jsonObject.mapValues { (_, v) -> plain(EstimatorFixtures.value(v)) }
        }
        @Suppress("UNCHECKED_CAST")
        assertEquals(expectedParams, (results.getValue("params") as List<Map<String, Any?>>).map { p -> p.mapValues { (_, v) -> plain(v) } })
        grid.getValue("split_test_scores").jsonArray.forEachIndexed { s, scores ->
            assertClose(doubles(scores), results.getValue("split${s}_test_score") as DoubleArray, 1e-12, "split${s}_test_score")
        }
        assertClose(doubles(grid.getValue("mean_test_score")), results.getValue("mean_test_score") as DoubleArray, 1e-12, "mean_test_score")
        assertClose(doubles(grid.getValue("std_test_score")), results.getValue("std_test_score") as DoubleArray, 1e-12, "std_test_score")
        assertArrayEquals(grid.getValue("rank_test_score").jsonArray.map { it.jsonPrimitive.int }.toIntArray(), results.getValue("rank_test_score") as IntArray)
        assertEquals(grid.getValue("best_index").jsonPrimitive.int, search.bestIndex)
        assertEquals(grid.getValue("best_score").jsonPrimitive.content.toDouble(), search.bestScore, 1e-12)
        assertEquals(mapOf("hidden_layer_sizes" to listOf(5), "learning_rate_init" to 0.1), search.bestParams.mapValues { (_, v) -> plain(v) })
        val best = search.bestEstimator
        assertEquals(listOf(5), best.hiddenLayerSizes)
        assertArrayEquals(grid.getValue("best_predict").jsonArray.map { it.jsonPrimitive.int }.toIntArray(), best.predict(irisX))
        assertEquals((results.getValue("mean_fit_time") as DoubleArray).size, 4)
    }

    @Test
    fun `the grid's order is scikit-learn's ParameterGrid, sorted names and the last fastest`() {
        val points = ParameterGrid(mapOf("solver" to listOf("sgd", "adam"), "alpha" to listOf(0.1, 0.2, 0.3))).points()
        assertEquals(
            listOf(
                mapOf("alpha" to 0.1, "solver" to "sgd"), mapOf("alpha" to 0.1, "solver" to "adam"),
                mapOf("alpha" to 0.2, "solver" to "sgd"), mapOf("alpha" to 0.2, "solver" to "adam"),
                mapOf("alpha" to 0.3, "solver" to "sgd"), mapOf("alpha" to 0.3, "solver" to "adam"),
            ),
            points,
        )
    }

    @Test
    fun `ranks are scikit-learn's min ranks, ties sharing the smallest, and lower is better for error metrics`() {
        assertArrayEquals(intArrayOf(3, 1, 1, 4), SearchResults.ranks(doubleArrayOf(0.5, 0.9, 0.9, 0.1), higherIsBetter = true))
        assertArrayEquals(intArrayOf(2, 3, 3, 1), SearchResults.ranks(doubleArrayOf(0.5, 0.9, 0.9, 0.1), higherIsBetter = false))
        assertArrayEquals(intArrayOf(2, 1, 3), SearchResults.ranks(doubleArrayOf(0.5, 0.9, Double.NaN), higherIsBetter = true))
    }

    @Test
    fun `an unknown parameter fails listing the parameters, a bad value in its parameter's words`() {
        val unknown = assertThrows(InvalidParameterException::class.java) { GridSearch(base(), mapOf("learning_rate_int" to listOf(0.1))) }
        assertTrue(unknown.message!!.startsWith("Invalid parameter 'learning_rate_int' for estimator MlpClassifier in the search grid. Valid parameters are: ['activation', 'alpha',")) { unknown.message }
        val bad = assertThrows(InvalidParameterException::class.java) { GridSearch(base(), mapOf("solver" to listOf("sgd", "newton"))) }
        assertEquals("The 'solver' parameter of MlpClassifier must be a str among {'adam', 'lbfgs', 'sgd'}. Got 'newton' instead.", bad.message)
        val empty = assertThrows(InvalidParameterException::class.java) { GridSearch(base(), mapOf("alpha" to emptyList<Any?>())) }
        assertTrue(empty.message!!.contains("'alpha' needs to be a non-empty sequence")) { empty.message }
    }

    @Test
    fun `a search gives identical tables at nJobs 1 and 2`() {
        val small = MlpClassifier(solver = Solver.sgd, maxIter = 8, randomState = 1)
        val g = mapOf("hidden_layer_sizes" to listOf(listOf(2), listOf(4)), "alpha" to listOf(1e-4, 1e-1))
        val one = GridSearch(small, g, cv = 3, nJobs = 1).fit(irisX, irisY).searchResults
        val two = GridSearch(small, g, cv = 3, nJobs = 2).fit(irisX, irisY).searchResults
        for (s in 0 until 3) assertArrayEquals(one.splitScores[s], two.splitScores[s])
        assertArrayEquals(one.meanTestScore, two.meanTestScore)
        assertArrayEquals(one.rankTestScore, two.rankTestScore)
    }

    @Test
    fun `a random search draws distinct grid points with its seed, the whole grid when nIter is larger, and can skip the refit`() {
        val g = mapOf("alpha" to listOf(1e-4, 1e-3, 1e-2, 1e-1), "learning_rate_init" to listOf(0.01, 0.1))
        val a = RandomSearch(base(), g, nIter = 3, seed = 5)
        assertEquals(3, a.candidates.size)
        assertEquals(3, a.candidates.toSet().size)
        assertEquals(a.candidates, RandomSearch(base(), g, nIter = 3, seed = 5).candidates)
        assertTrue(ParameterGrid(g).points().containsAll(a.candidates))
        assertEquals(ParameterGrid(g).points().toSet(), RandomSearch(base(), g, nIter = 20, seed = 5).candidates.toSet())
        val search = RandomSearch(MlpClassifier(solver = Solver.sgd, maxIter = 5, randomState = 0), mapOf("alpha" to listOf(1e-4, 1e-1)), nIter = 2, cv = 3, refit = false)
            .fit(irisX, irisY)
        assertEquals(2, search.searchResults.meanTestScore.size)
        val noBest = assertThrows(IllegalStateException::class.java) { search.bestEstimator }
        assertTrue(noBest.message!!.contains("refit=false")) { noBest.message }
        assertFalse(search.estimator.isFitted)
    }

    private fun distributions(json: kotlinx.serialization.json.JsonElement): Map<String, List<Any?>> =
        json.jsonObject.mapValues { (_, values) -> values.jsonArray.map { plain(EstimatorFixtures.value(it)) } }

    @Test
    fun `a random search draws scikit-learn's ParameterSampler candidates in its order, in every branch of sample_without_replacement`() {
        val cases = fixture.getValue("parameter_sampler").jsonArray.map { it.jsonObject }
        assertEquals(listOf("permutation", "reservoir", "capped", "tracking"), cases.map { it.getValue("case").jsonPrimitive.content })
        for (case in cases) {
            val search = RandomSearch(
                base(), distributions(case.getValue("distributions")),
                nIter = case.getValue("n_iter").jsonPrimitive.int, seed = case.getValue("random_state").jsonPrimitive.content.toLong(),
            )
            val expected = case.getValue("params").jsonArray.map { p -> p.jsonObject.mapValues { (_, v) -> plain(EstimatorFixtures.value(v)) } }
            assertEquals(expected, search.candidates, case.getValue("case").jsonPrimitive.content)
        }
    }

    @Test
    fun `a random search's cv_results_ equal scikit-learn's RandomizedSearchCV with lists`() {
        val r = fixture.getValue("random_search").jsonObject
        val search = RandomSearch(base(), distributions(r.getValue("distributions")), nIter = 4, cv = 5, seed = 7).fit(irisX, irisY)
        val results = search.cvResults
        val expectedParams = r.getValue("params").jsonArray.map { p -> p.jsonObject.mapValues { (_, v) -> plain(EstimatorFixtures.value(v)) } }
        @Suppress("UNCHECKED_CAST")
        assertEquals(expectedParams, (results.getValue("params") as List<Map<String, Any?>>).map { p -> p.mapValues { (_, v) -> plain(v) } })
        assertClose(doubles(r.getValue("mean_test_score")), results.getValue("mean_test_score") as DoubleArray, 1e-12, "mean_test_score")
        assertArrayEquals(r.getValue("rank_test_score").jsonArray.map { it.jsonPrimitive.int }.toIntArray(), results.getValue("rank_test_score") as IntArray)
    }

}
