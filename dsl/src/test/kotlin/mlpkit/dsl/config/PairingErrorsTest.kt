package mlpkit.dsl.config

import mlpkit.dsl.experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * Settings that are each valid but do not go together: a scikit-learn split (`split.randomState`) with a
 * stratified or ordered split, `weightDecayPer = sample` with a summed loss, a pixel scaling for targets.
 */
class PairingErrorsTest {
    private fun withSplit(split: String) = moonsWith("\"n_samples\": 100, \"noise\": 0.1}}", "\"n_samples\": 100, \"noise\": 0.1}}, \"split\": $split")

    @Test
    fun `randomState with stratify is refused at the randomState path, saying which to remove`() {
        assertEquals(
            "moons.json: $.data.split.randomState: randomState splits as scikit-learn's train_test_split(shuffle=True), which neither stratifies " +
                "nor keeps the order (expected no randomState with split.stratify true, got randomState 42 with stratify true); " +
                "remove randomState to stratify, or remove stratify",
            firstProblem(withSplit("""{"test": 0.2, "stratify": true, "randomState": 42}""")),
        )
    }

    @Test
    fun `randomState with shuffle false is refused at the randomState path, saying which to remove`() {
        assertEquals(
            "moons.json: $.data.split.randomState: randomState splits as scikit-learn's train_test_split(shuffle=True), which neither stratifies " +
                "nor keeps the order (expected no randomState with split.shuffle false, got randomState 0 with shuffle false); " +
                "remove randomState to keep the order, or remove shuffle",
            firstProblem(withSplit("""{"test": 0.2, "shuffle": false, "randomState": 0}""")),
        )
    }

    @Test
    fun `a randomState numpy cannot seed is refused with numpy's range`() {
        assertEquals(
            "moons.json: $.data.split.randomState: randomState out of range (expected a whole number in [0, 4294967295], got -1); " +
                "a numpy seed, e.g. 42, or leave it out to split with the run's seed",
            firstProblem(withSplit("""{"test": 0.2, "randomState": -1}""")),
        )
    }

    @Test
    fun `randomState with a shuffled unstratified split is accepted`() {
        assertEquals(42L, ExperimentFiles.parseJson(withSplit("""{"test": 0.2, "randomState": 42}"""), "moons.json").data.split.randomState)
    }

    @Test
    fun `weightDecayPer sample with reduction sum is refused at the optimiser's weightDecayPer, saying why`() {
        val text = moonsWith("\"loss\": \"softmax-ce\",", "\"loss\": \"softmax-ce\", \"reduction\": \"sum\",")
            .replace("\"lr\": 0.5}", "\"lr\": 0.5, \"weightDecay\": 0.01, \"weightDecayPer\": \"sample\"}")
        assertEquals(
            "moons.json: $.training.optimizer.weightDecayPer: weightDecayPer sample divides the weight decay by the batch's rows, " +
                "as scikit-learn's alpha does for a mean loss, but the loss is summed (expected reduction mean with weightDecayPer sample, " +
                "got reduction sum); use reduction mean, or weightDecayPer batch to add λθ to the summed gradient",
            firstProblem(text),
        )
    }

    @Test
    fun `weightDecayPer sample with the mean loss and weightDecayPer batch with a summed loss are accepted`() {
        val perSample = moonsWith("\"lr\": 0.5}", "\"lr\": 0.5, \"weightDecay\": 0.01, \"weightDecayPer\": \"sample\"}")
        assertEquals(true, ExperimentFiles.parseJson(perSample, "moons.json").training.optimizer.weightDecayPerSample())
        val summed = moonsWith("\"loss\": \"softmax-ce\",", "\"loss\": \"softmax-ce\", \"reduction\": \"sum\",")
            .replace("\"lr\": 0.5}", "\"lr\": 0.5, \"weightDecay\": 0.01, \"weightDecayPer\": \"batch\"}")
        assertEquals(false, ExperimentFiles.parseJson(summed, "moons.json").training.optimizer.weightDecayPerSample())
    }

    @Test
    fun `the DSL's targetScaling refuses a pixel scaling, naming the ones it takes`() {
        val e = assertThrows<IllegalArgumentException> {
            experiment("diabetes") {
                data { diabetes(); split(test = 0.2); targetScaling = unit }
                network { dense(10, relu); dense(1, identity) }
                training { loss = mse; optimizer = adam(lr = 0.01) }
            }
        }
        assertEquals(
            "data.targetScaling: unit maps pixel bytes to [0, 1], not real-valued targets (expected none, standard or minMax, got unit); " +
                "use standard or minMax for regression targets",
            e.message,
        )
    }
}
