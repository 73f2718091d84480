package mlpkit.dsl.config

import mlpkit.core.optim.StepDecay
import mlpkit.core.optim.Adam
import mlpkit.core.loss.Reduction
import mlpkit.core.loss.SoftmaxCrossEntropy
import mlpkit.core.init.Constant
import mlpkit.core.init.GlorotUniform
import mlpkit.core.init.Zeros
import mlpkit.core.init.HeNormal
import mlpkit.core.activation.Softmax
import mlpkit.core.activation.Tanh
import mlpkit.core.activation.LeakyRelu
import mlpkit.core.network.NetworkSpec
import java.nio.file.Path
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.Expectation
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.SplitSpec
import mlpkit.dsl.spec.SweepSpec
import mlpkit.dsl.spec.TrainingSpec
import mlpkit.dsl.spec.Variation
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import mlpkit.core.layer.Dense
import mlpkit.core.layer.Dropout

class ValidExperimentFilesTest {
    private fun resource(name: String): Path = Path.of(javaClass.getResource(name)!!.toURI())

    @Test
    fun `a file with every section is read into the expected experiment`() {
        val expected = ExperimentSpec(
            name = "blobs-three-classes",
            data = DataSpec(
                DataSource.Generator(
                    "make_blobs",
                    mapOf(
                        "n_samples" to JsonPrimitive(300), "centers" to JsonPrimitive(3), "cluster_std" to JsonPrimitive(1.5),
                        "center_box" to JsonPrimitive("-5,5"), "random_state" to JsonPrimitive(7),
                    ),
                ),
                SplitSpec(validation = 0.1, test = 0.2, stratify = true, shuffle = true),
                Scaling.STANDARD,
            ),
            network = NetworkSpec.of(
                Dense.Spec(16, LeakyRelu(0.01), HeNormal(), Zeros()),
                Dropout.Spec(0.2),
                Dense.Spec(8, Tanh(), GlorotUniform(), Constant(0.1)),
                Dense.Spec(3, Softmax()),
            ),
            training = TrainingSpec(
                loss = SoftmaxCrossEntropy(),
                reduction = Reduction.SUM,
                optimizer = Adam(0.005, 0.8, 0.99, 1e-7, 0.0001, 5.0),
                schedule = StepDecay(20, 0.5),
                epochs = 120,
                batchSize = BatchSizeSpec.Rows(32),
                seed = 42,
                threads = 2,
                callbacks = listOf(
                    CallbackSpec.EarlyStopping("val_accuracy", "max", patience = 15, minDelta = 0.001, restoreBest = false),
                    CallbackSpec.Checkpoint(every = 10),
                ),
            ),
            expect = listOf(
                Expectation("test_accuracy", atLeast = 0.9),
                Expectation("validation_loss", atMost = 0.5),
                Expectation("train_accuracy", atLeast = 0.85, atMost = 1.0),
            ),
            sweep = SweepSpec(
                listOf(
                    Variation("wide", JsonObject(mapOf("network" to JsonPrimitive("network < dense(64, relu); dense(3, softmax) >")))),
                    Variation(
                        "rmsprop",
                        JsonObject(mapOf("training" to JsonObject(mapOf("optimizer" to JsonObject(mapOf(
                            "type" to JsonPrimitive("rmsprop"), "lr" to JsonPrimitive(0.001), "rho" to JsonPrimitive(0.95),
                            "beta1" to JsonNull, "beta2" to JsonNull,
                        )))))),
                    ),
                    Variation("no-schedule", JsonObject(mapOf("training" to JsonObject(mapOf("schedule" to JsonNull))))),
                ),
                parallelism = 3,
            ),
        )
        val spec = ExperimentFiles.loadJson(resource("full-experiment.json"))
        assertEquals(expected, spec)
        assertEquals(emptyList<ConfigException>(), SpecValidation.validateAgainstData(spec, "full", 300, 2, 3, 1))
    }

    @Test
    fun `a network as notation and as layer objects give equal experiments`() {
        val fromNotation = ExperimentFiles.loadJson(resource("network-as-notation.json"))
        val fromLayers = ExperimentFiles.loadJson(resource("network-as-layers.json"))
        assertEquals(fromNotation, fromLayers)
    }

    @Test
    fun `JSON to spec to JSON to spec is the identity`() {
        val spec = ExperimentFiles.loadJson(resource("full-experiment.json"))
        val json = SpecJson.encode(spec)
        val again = ExperimentFiles.parseJson(json, "encoded.json")
        assertEquals(spec, again)
        assertEquals(json, SpecJson.encode(again))
    }

    @Test
    fun `a file that does not exist is a config problem`() {
        val missing = Path.of("no-such-dir", "missing.json")
        assertEquals(
            "$missing: $: cannot read the file (expected an existing JSON file, got no such file)",
            assertThrows<ConfigException> { ExperimentFiles.loadJson(missing) }.message,
        )
    }

    @Test
    fun `a byte order mark is ignored`() {
        assertEquals(ExperimentFiles.parseJson(MOONS, "a.json"), ExperimentFiles.parseJson("\uFEFF" + MOONS, "b.json"))
    }

    @Test
    fun `a DSL experiment written as JSON reads back through the strict loader, parameters not given left out`() {
        val dsl = experiment("moons") {
            data { moons(samples = 100) }
            network { dense(10, relu); dense(1, sigmoid) }
        }
        assertEquals(mapOf("n_samples" to JsonPrimitive(100)), (dsl.spec.data.source as DataSource.Generator).params)
        assertEquals(dsl.spec, ExperimentFiles.parseJson(SpecJson.encode(dsl.spec), "moons.json"))
    }
}
