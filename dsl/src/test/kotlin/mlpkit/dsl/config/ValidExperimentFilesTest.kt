package mlpkit.dsl.config

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
import mlpkit.dsl.spec.LayerConfig
import mlpkit.dsl.spec.LossName
import mlpkit.dsl.spec.MonitorMode
import mlpkit.dsl.spec.NetworkConfig
import mlpkit.dsl.spec.OptimizerSpec
import mlpkit.dsl.spec.ReductionName
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.ScheduleSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.SplitSpec
import mlpkit.dsl.spec.SweepSpec
import mlpkit.dsl.spec.TrainingSpec
import mlpkit.dsl.spec.Variation
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

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
            network = NetworkConfig(
                listOf(
                    LayerConfig.Dense(16, "leakyRelu(0.01)", weights = "heNormal"),
                    LayerConfig.Dropout(0.2),
                    LayerConfig.Dense(8, "tanh", bias = "constant(0.1)"),
                    LayerConfig.Dense(3, "softmax"),
                ),
            ),
            training = TrainingSpec(
                loss = LossName.SOFTMAX_CE,
                reduction = ReductionName.SUM,
                optimizer = OptimizerSpec.Adam(lr = 0.005, beta1 = 0.8, beta2 = 0.99, eps = 1e-7, weightDecay = 0.0001, clipNorm = 5.0),
                schedule = ScheduleSpec.Step(every = 20, factor = 0.5),
                epochs = 120,
                batchSize = BatchSizeSpec.Rows(32),
                seed = 42,
                threads = 2,
                callbacks = listOf(
                    CallbackSpec.EarlyStopping("val_accuracy", MonitorMode.MAX, patience = 15, minDelta = 0.001, restoreBest = false),
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
        assertEquals(fromNotation.network.toSpec(), fromLayers.network.toSpec())
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
