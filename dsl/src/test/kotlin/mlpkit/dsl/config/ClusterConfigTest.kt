package mlpkit.dsl.config

import mlpkit.core.distributed.AveragingPlan.StateRule
import mlpkit.dsl.activation
import mlpkit.dsl.experiment
import mlpkit.dsl.loss
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.spec.ClusterStrategy
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The `cluster` block in JSON files and the DSL: its keys, defaults and the combinations refused at their paths. */
class ClusterConfigTest {
    private fun withCluster(cluster: String) = moonsWith("\"batchSize\": \"full\"}", "\"batchSize\": \"full\"}, \"cluster\": $cluster")

    private fun adam(cluster: String, batch: String = "16") =
        moonsWith("{\"type\": \"sgd\", \"lr\": 0.5}, \"epochs\": 300, \"batchSize\": \"full\"}", "\"adam\", \"epochs\": 300, \"batchSize\": $batch}, \"cluster\": $cluster")

    @Test
    fun `a cluster block in JSON is the cluster block of the DSL, with the defaults left out when written`() {
        val json = ExperimentFiles.parseJson(
            adam("""{"master": "local[2]", "strategy": "averaging", "partitions": 2, "localSteps": 5, "optimizerState": "reset", "conf": {"spark.executor.memory": "1g"}}"""),
            "moons.json",
        )
        val dsl = experiment("moons") {
            data { moons(samples = 100, noise = 0.1) }
            network { dense(10, relu); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = adam; epochs = 300; batchSize = 16 }
            cluster { master = "local[2]"; strategy = averaging; partitions = 2; localSteps = 5; optimizerState = reset; conf("spark.executor.memory" to "1g") }
        }.spec
        assertEquals(json, dsl)
        assertEquals(ClusterSpec("local[2]", "spark", ClusterStrategy.AVERAGING, 2, 5, StateRule.RESET, mapOf("spark.executor.memory" to "1g")), json.cluster)
        assertEquals(json, SpecJson.decode(SpecJson.encode(json)))
        val minimal = ExperimentFiles.parseJson(adam("""{"master": "local[2]"}"""), "moons.json")
        assertEquals(ClusterSpec("local[2]"), minimal.cluster)
        val written = SpecJson.encode(minimal)
        assertFalse("strategy" in written || "partitions" in written || "conf" in written, written)
        assertFalse("cluster" in SpecJson.encode(ExperimentFiles.parseJson(MOONS, "moons.json")))
    }

    @Test
    fun `the strategy defaults to sync for full-batch training and to averaging for mini-batches`() {
        val fullBatch = ExperimentFiles.parseJson(withCluster("""{"master": "local[2]"}"""), "moons.json")
        assertEquals(ClusterStrategy.SYNC, fullBatch.cluster!!.strategyFor(fullBatch.training))
        val miniBatch = ExperimentFiles.parseJson(adam("""{"master": "local[2]"}"""), "moons.json")
        assertEquals(ClusterStrategy.AVERAGING, miniBatch.cluster!!.strategyFor(miniBatch.training))
    }

    @Test
    fun `synchronous rounds with a mini-batch size are refused at cluster strategy`() {
        assertEquals(
            "moons.json: $.cluster.strategy: synchronous rounds with mini-batches (expected lbfgs or training.batchSize \"full\" with strategy " +
                "\"sync\", got batchSize 16); use strategy \"averaging\" for mini-batch training (one round per epoch), or set batchSize \"full\"",
            firstProblem(adam("""{"master": "local[2]", "strategy": "sync"}""")),
        )
    }

    @Test
    fun `parameter averaging with lbfgs is refused at cluster strategy`() {
        val text = moonsWith("{\"type\": \"sgd\", \"lr\": 0.5}, \"epochs\": 300, \"batchSize\": \"full\"}", "\"lbfgs\", \"epochs\": 30}, \"cluster\": {\"master\": \"local[2]\", \"strategy\": \"averaging\"}")
        assertEquals(
            "moons.json: $.cluster.strategy: parameter averaging with lbfgs (expected strategy \"sync\" for a full-batch optimiser, got \"averaging\"); " +
                "remove cluster.strategy, or train with a mini-batch optimiser such as adam",
            firstProblem(text),
        )
    }

    @Test
    fun `parameter averaging with batchSize full is refused at training batchSize`() {
        assertEquals(
            "moons.json: $.training.batchSize: parameter averaging with batchSize \"full\" (expected a batch size in rows, e.g. 32, got \"full\"); " +
                "or use strategy \"sync\" for full-batch gradient descent",
            firstProblem(withCluster("""{"master": "local[2]", "strategy": "averaging"}""")),
        )
    }

    @Test
    fun `data augmentation with a cluster is refused at data augment`() {
        val text = """{"name": "digits",
          "data": {"source": {"type": "builtin", "set": "mnist"}, "augment": {"shift": 2}},
          "network": "network < dense(10, relu); dense(10, softmax) >",
          "training": {"loss": "softmax-ce", "optimizer": "adam", "epochs": 1, "batchSize": 64},
          "cluster": {"master": "local[2]"}}"""
        assertEquals(
            listOf(
                "moons.json: $.data.augment: data augmentation in a distributed run (expected no augment with a cluster block, got an augment block); " +
                    "remove data.augment, or train locally without cluster",
            ),
            allProblems(text),
        )
    }

    @Test
    fun `the cluster's own values are checked at their paths, with what is allowed`() {
        assertEquals(
            listOf(
                "moons.json: $.cluster.partitions: partitions out of range (expected a whole number ≥ 1, got 0); leave it out for the engine's default",
                "moons.json: $.cluster.localSteps: localSteps out of range (expected a whole number ≥ 0, got -1); 0 runs one local epoch per round",
            ),
            allProblems(adam("""{"master": "local[2]", "partitions": 0, "localSteps": -1}""")),
        )
        assertEquals(
            "moons.json: $.cluster.master: no master (expected where the engine connects, e.g. \"local[2]\" or \"spark://host:7077\", got \"\")",
            firstProblem(adam("""{"master": ""}""")),
        )
        assertEquals(
            "moons.json: $.cluster.localSteps: local steps with synchronous rounds (expected no localSteps: they belong to strategy \"averaging\", got 3); " +
                "remove cluster.localSteps",
            firstProblem(withCluster("""{"master": "local[2]", "localSteps": 3}""")),
        )
    }

    @Test
    fun `unknown keys, strategies and state rules and a missing master are named with the allowed ones`() {
        assertEquals(
            "moons.json: $.cluster.masters: unknown key (expected one of master, engine, strategy, partitions, localSteps, optimizerState, conf, " +
                "got \"masters\"); did you mean \"master\"?",
            firstProblem(adam("""{"master": "local[2]", "masters": 2}""")),
        )
        assertEquals(
            "moons.json: $.cluster.strategy: unknown value (expected one of sync, averaging, got \"async\"); did you mean \"sync\"?",
            firstProblem(adam("""{"master": "local[2]", "strategy": "async"}""")),
        )
        assertEquals(
            "moons.json: $.cluster.optimizerState: unknown value (expected one of average, reset, got \"keep\")",
            firstProblem(adam("""{"master": "local[2]", "optimizerState": "keep"}""")),
        )
        assertEquals("moons.json: $.cluster.master: missing required key (expected a string, got nothing)", firstProblem(adam("""{"partitions": 2}""")))
    }

    @Test
    fun `a concept of the user's own in the network, loss or averaged optimiser is refused at its path`() {
        val swish2 = activation("swish2", f = { z -> z / (1 + Math.exp(-z)) }, df = { z -> val s = 1 / (1 + Math.exp(-z)); s + z * s * (1 - s) })
        val quartic = loss("quartic", value = { a, y -> Math.pow(a - y, 4.0) }, gradient = { a, y -> 4 * Math.pow(a - y, 3.0) })
        val error = assertThrows<ConfigException> {
            experiment("own") {
                data { moons(samples = 100, noise = 0.1) }
                network { dense(8, swish2); dense(1, sigmoid) }
                training { loss = quartic; optimizer = adam; epochs = 3; batchSize = 16 }
                cluster { master = "local[2]" }
            }
        }
        assertEquals(
            listOf(
                "own: $.network: a concept of your own in a distributed run (expected built-in layers and activations (workers rebuild the network " +
                    "from them), got network < dense(8, swish2); dense(1, sigmoid) >); use built-in ones, or train locally without cluster",
                "own: $.training.loss: a loss of your own in a distributed run (expected a built-in loss (workers rebuild it from built-in concepts), " +
                    "got quartic); use a built-in one, or train locally without cluster",
            ),
            error.problems.map { it.message },
        )
    }
}
