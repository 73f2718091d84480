package mlpkit.dsl.train

import mlpkit.dsl.config.ExperimentFiles
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** scikit-learn's schedules chosen from a JSON file, in a run: the rates each epoch trained with. */
class SklearnScheduleRunTest {
    private fun json(schedule: String) = """{
      "name": "moons",
      "data": {"source": {"type": "generator", "generator": "make_moons", "params": {"n_samples": 40, "noise": 0.1}}},
      "network": "network < dense(4, tanh); dense(1, sigmoid) >",
      "training": { "loss": "bce", "optimizer": "sgd(lr=0.1, momentum=0.9)", "schedule": $schedule,
                    "epochs": 4, "batchSize": 10, "shuffle": false }
    }"""

    @Test
    fun `invscaling per sample in a run counts the forty training rows seen before each epoch`() {
        val spec = ExperimentFiles.parseJson(json("\"invscaling(per=sample)\""), "moons.json")
        val rates = TrainingRun.of(spec).fit().history.map { it.learningRate }
        // η₀ / (40k + 1)^0.5: 0.1, 0.1/√41, 0.1/√81, 0.1/√121
        val expected = listOf(0.1, 0.1 / Math.sqrt(41.0), 0.1 / 9.0, 0.1 / 11.0)
        for (k in expected.indices) assertEquals(expected[k], rates[k], 1e-12 * expected[k], "epoch $k")
    }

    @Test
    fun `adaptive is read from a json object with scikit-learn's parameter meanings`() {
        val spec = ExperimentFiles.parseJson(json("""{ "type": "adaptive", "tol": 0.001, "nIterNoChange": 5 }"""), "moons.json")
        assertEquals("adaptive(tol=0.001, nIterNoChange=5)", spec.training.schedule.notation())
        val rates = TrainingRun.of(spec).fit().history.map { it.learningRate }
        assertEquals(listOf(0.1, 0.1, 0.1, 0.1), rates, "no division within nIterNoChange + 1 epochs")
    }
}
