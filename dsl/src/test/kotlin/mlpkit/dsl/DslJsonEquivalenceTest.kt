package mlpkit.dsl

import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.core.loss.SoftmaxCrossEntropy
import mlpkit.core.optim.Sgd
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class DslJsonEquivalenceTest {
    private val moons = experiment("moons") {
        data { moons(samples = 100, noise = 0.1, randomState = 0); split(test = 0.2, stratify = true) }
        network { dense(10, relu, weights = heNormal); dropout(0.1); dense(2, softmax) }
        training {
            loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5, momentum = 0.9); epochs = 300; batchSize = full
            schedule = cosine(); earlyStopping(monitor = "train_loss", patience = 20)
        }
        expect { trainAccuracy atLeast 0.97 }
    }

    @Test
    fun `the DSL, its JSON and the JSON read back are the same experiment`() {
        val json = SpecJson.encode(moons.spec)
        assertEquals(moons.spec, SpecJson.decode(json))
        assertEquals(json, SpecJson.encode(SpecJson.decode(json)))
        assertEquals(SoftmaxCrossEntropy(), moons.spec.training.loss)
        assertEquals(BatchSizeSpec.Full, moons.spec.training.batchSize)
        assertEquals(Sgd(0.5, 0.9, false, 0.0, 0.0), moons.spec.training.optimizer)
        assertEquals("network < dense(10, relu, weights=heNormal); dropout(0.1); dense(2, softmax) >", moons.spec.network.notation())
    }

    @Test
    fun `a network given as notation, as layer objects or with the DSL is the same network`() {
        val fromNotation = network("network < dense(10, leakyRelu(0.01), bias=constant(0.1)); dense(2, softmax) >")
        val fromDsl = network { dense(10, leakyRelu(0.01), bias = constant(0.1)); dense(2, softmax) }
        val fromObjects = mlpkit.dsl.spec.NetworkSpecSerializer(mlpkit.core.concept.Registry.builtIns()).let { serializer ->
            SpecJson.format.decodeFromString(
                serializer,
                """[{"type": "dense", "units": 10, "activation": "leakyRelu(0.01)", "bias": "constant(0.1)"},
                   {"type": "dense", "units": 2, "activation": "softmax"}]""",
            )
        }
        assertEquals(fromNotation, fromDsl)
        assertEquals(fromNotation, fromObjects)
    }

    @Test
    fun `a sweep stores each variation as a merge patch of the base experiment`() {
        val swept = experiment("hidden") {
            data { classification(samples = 200, randomState = 1) }
            network { dense(2, sigmoid); dense(1, sigmoid) }
            sweep(parallelism = 3) {
                for (h in listOf(4, 8)) variant("h=$h") { network { dense(h, sigmoid); dense(1, sigmoid) } }
            }
        }
        val sweep = swept.spec.sweep!!
        assertEquals(3, sweep.parallelism)
        assertEquals(listOf("h=4", "h=8"), sweep.variations.map { it.name })
        assertEquals("""{"network":"network < dense(8, sigmoid); dense(1, sigmoid) >"}""", sweep.variations[1].patch.toString())
        assertEquals(swept.spec, SpecJson.decode(SpecJson.encode(swept.spec)))
    }

    @Test
    fun `the divergence guard written in the DSL is the one its JSON says`() {
        fun guarded(block: TrainingBuilder.() -> Unit) = experiment("moons") {
            data { moons(samples = 100, noise = 0.1, randomState = 0) }
            network { dense(10, relu); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; block() }
        }.spec
        val json = { divergence: String ->
            mlpkit.dsl.config.ExperimentFiles.parseJson(
                """{"name": "moons", "data": {"source": {"type": "generator", "generator": "make_moons", "params": {"n_samples": 100, "noise": 0.1, "random_state": 0}}},
                   "network": "network < dense(10, relu); dense(2, softmax) >", "training": {"loss": "softmax-ce", "divergence": $divergence}}""",
                "moons.json",
            )
        }
        assertEquals(json("""{"factor": 10, "patience": 3}"""), guarded { divergence(factor = 10.0, patience = 3) })
        assertEquals(json("false"), guarded { divergence = off })
        assertEquals(json("\"off\""), guarded { divergence = off })
        assertEquals(json("true"), guarded { })
        assertEquals(mlpkit.dsl.spec.DivergenceSpec.Guard(100.0, 2), guarded { divergence() }.training.divergence)
        val written = guarded { divergence(factor = 10.0, patience = 3) }
        assertEquals(written, SpecJson.decode(SpecJson.encode(written)))
    }

    @Test
    fun `each built-in scikit-learn set written in the DSL is the JSON builtin source of its name`() {
        val sets = listOf(
            DataBuilder::iris to "iris", DataBuilder::wine to "wine", DataBuilder::breastCancer to "breast-cancer",
            DataBuilder::diabetes to "diabetes", DataBuilder::linnerud to "linnerud",
        )
        for ((source, name) in sets) {
            val fromDsl = experiment("toy") {
                data { source(this); split(test = 0.2) }
                network { dense(3, softmax) }
                training { loss = softmaxCrossEntropy }
            }.spec
            val fromJson = mlpkit.dsl.config.ExperimentFiles.parseJson(
                """{"name": "toy", "data": {"source": {"type": "builtin", "set": "$name"}, "split": {"test": 0.2}},
                   "network": "network < dense(3, softmax) >", "training": {"loss": "softmax-ce"}}""",
                "toy.json",
            )
            assertEquals(fromJson, fromDsl, name)
            assertEquals(mlpkit.dsl.spec.DataSource.BuiltIn(name), fromDsl.data.source)
        }
    }
}
