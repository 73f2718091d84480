package mlpkit.dsl.config

import mlpkit.core.limits.MachineLimits
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * Sizes against the machine's limits (a fixed [MachineLimits] here: 2 GiB, 2 processors) and generator
 * parameters against their descriptors, reported before anything is generated or built: at the JSON path,
 * and in a script also with the name the script gave the parameter.
 */
class SizeAndParameterChecksTest {
    private val limits = MachineLimits(2L shl 30, 2)

    private fun spec(params: String, network: String = "network < dense(8, tanh); dense(2, softmax) >", training: String = ""): ExperimentSpec =
        SpecJson.format.decodeFromString(
            ExperimentSpec.serializer(),
            """
            { "name": "sizes", "data": { "source": { "type": "generator", "generator": "make_moons", "params": { $params } } },
              "network": "$network",
              "training": { "loss": "softmax-ce", "epochs": 1 $training } }
            """.trimIndent(),
        )

    private fun messages(spec: ExperimentSpec) = SpecValidation.validate(spec, "sizes.json", limits = limits).map { it.message }

    @Test
    fun `threads above 8 per processor are refused with the limit and where it comes from`() {
        assertEquals(
            listOf("sizes.json: $.training.threads: 100000 threads is more than 16 (8 × the 2 processors of this machine): use at most 16, or omit it for one thread"),
            messages(spec("\"n_samples\": 100", training = ", \"threads\": 100000")),
        )
        assertEquals(emptyList<String>(), messages(spec("\"n_samples\": 100", training = ", \"threads\": 16")))
    }

    @Test
    fun `a billion samples are refused before generating, at n_samples`() {
        assertEquals(
            listOf(
                "sizes.json: $.data.source.params.n_samples: 1000000000 samples × 2 features needs about 29.8 GiB, more than the 2.0 GiB " +
                    "this Java process may use (Runtime.maxMemory, set by -Xmx): use fewer samples or features, or give Java more memory " +
                    "with MLP_JAVA_OPTS=-Xmx<size>, e.g. MLP_JAVA_OPTS=-Xmx8g",
            ),
            messages(spec("\"n_samples\": 1000000000")),
        )
    }

    @Test
    fun `out-of-range generator parameters name their path and range`() {
        assertEquals(
            listOf(
                "sizes.json: $.data.source.params.n_samples: invalid value for make_moons (expected integer, or two comma-separated integers, each ≥ 0, got -3)",
                "sizes.json: $.data.source.params.noise: invalid value for make_moons (expected number ≥ 0 or none, got -1)",
            ),
            messages(spec("\"n_samples\": -3, \"noise\": -1")),
        )
    }

    @Test
    fun `a billion units are refused against the data's shape before the network is built`() {
        val problems = SpecValidation.validateAgainstData(
            spec("\"n_samples\": 100", network = "network < dense(1000000000, tanh); dense(2, softmax) >"), "sizes.json", 100, 2, 2, 1, limits = limits,
        )
        assertEquals(
            listOf(
                "sizes.json: $.network: network < dense(1000000000, tanh); dense(2, softmax) > on 2 features does not fit this machine: " +
                    "the network has 5000000002 parameters for 2 inputs, more than one Java array holds (2147483639): use fewer units or layers",
            ),
            problems.map { it.message },
        )
    }

    @Test
    fun `a script's generator parameter problems also give the script's own names`() {
        val shortcut = assertThrows<ConfigException> {
            experiment("script") {
                data { moons(samples = 100, noise = -1.0) }
                network { dense(4, tanh); dense(2, softmax) }
                training { loss = softmaxCrossEntropy }
            }
        }
        assertEquals(
            "script: $.data.source.params.noise: invalid value for make_moons (expected number ≥ 0 or none, got -1.0); in the script: moons(noise = …)",
            shortcut.message,
        )
        val generic = assertThrows<ConfigException> {
            experiment("script") {
                data { generator("make_moons", "n_samples" to 1_000_000_000) }
                network { dense(4, tanh); dense(2, softmax) }
                training { loss = softmaxCrossEntropy }
            }
        }
        assertEquals(true, generic.message!!.endsWith("; in the script: generator(\"make_moons\", \"n_samples\" to …)"), generic.message)
        val samples = assertThrows<ConfigException> {
            experiment("script") {
                data { classification(samples = -1) }
                network { dense(4, tanh); dense(2, softmax) }
                training { loss = softmaxCrossEntropy }
            }
        }
        assertEquals(true, samples.message!!.endsWith("; in the script: classification(samples = …)"), samples.message)
    }
}
