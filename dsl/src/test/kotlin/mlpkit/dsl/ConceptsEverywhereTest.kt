package mlpkit.dsl

import mlpkit.core.activation.Activation
import mlpkit.core.concept.Concept
import mlpkit.core.concept.Conceptual
import mlpkit.core.concept.Kind
import mlpkit.core.concept.Param
import mlpkit.core.concept.Registry
import mlpkit.core.init.Initializer
import mlpkit.core.layer.LayerSpec
import mlpkit.core.loss.Loss
import mlpkit.core.optim.OptimizerSpec
import mlpkit.core.optim.ScheduleSpec
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.spec.ConceptJson
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.TrainingSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory

/**
 * What makes "add a concept = write its file" true for the DSL and JSON: every concept of the registry,
 * whatever it is, is accepted in an experiment file where its kind goes (and reads back equal), and has a
 * member of its name in the generated DSL vocabulary that gives its default value. Nothing here names a
 * concept, so a new one is covered the day it is added.
 */
class ConceptsEverywhereTest {
    private val registry = Registry.builtIns()

    @TestFactory
    fun `every registered concept can be written in an experiment file and reads back equal`(): List<DynamicTest> =
        listOf(Activation.KIND, Initializer.KIND, LayerSpec.KIND, Loss.KIND, OptimizerSpec.KIND, ScheduleSpec.KIND).flatMap { kind ->
            registry.of(kind).all().map { concept ->
                DynamicTest.dynamicTest("${kind.name()} ${concept.name()}") {
                    val value = concept.create(example(concept)) as Conceptual
                    val json = experimentWith(kind, value)
                    val spec = ExperimentFiles.parseJson(json, "${concept.name()}.json")
                    assertEquals(value, valueIn(spec, kind), json)
                    assertEquals(spec, ExperimentFiles.parseJson(SpecJson.encode(spec), "again.json"))
                }
            }
        }

    @TestFactory
    fun `every registered concept has a member of its name in the generated DSL vocabulary`(): List<DynamicTest> {
        val vocabularies = mapOf(
            Activation.KIND to (ActivationVocabulary::class.java to NetworkBuilder()),
            Initializer.KIND to (InitialiserVocabulary::class.java to NetworkBuilder()),
            LayerSpec.KIND to (LayerVocabulary::class.java to NetworkBuilder()),
            Loss.KIND to (LossVocabulary::class.java to TrainingBuilder(TrainingSpec())),
            OptimizerSpec.KIND to (OptimiserVocabulary::class.java to TrainingBuilder(TrainingSpec())),
            ScheduleSpec.KIND to (ScheduleVocabulary::class.java to TrainingBuilder(TrainingSpec())),
        )
        return vocabularies.flatMap { (kind, vocabulary) ->
            val (type, receiver) = vocabulary
            registry.of(kind).all().map { concept ->
                DynamicTest.dynamicTest("${kind.name()} ${concept.name()}") {
                    val id = identifier(concept.name())
                    val members = type.methods.map { it.name }
                    assertTrue(id in members || "get${id.replaceFirstChar { it.uppercase() }}" in members, "$id in ${type.simpleName}: $members")
                    if (kind != LayerSpec.KIND && concept.params().none(Param::isRequired)) {
                        val getter = type.getMethod("get${id.replaceFirstChar { it.uppercase() }}")
                        assertEquals(concept.create(), getter.invoke(receiver), "the DSL's ${concept.name()} is its default value")
                    }
                }
            }
        }
    }

    @Test
    fun `every registered metric is reported for every part, can be expected and watched, and is in the DSL`() {
        val classification = mlpkit.dsl.train.TrainingRun(experiment("metrics") {
            data { moons(samples = 80, noise = 0.2, randomState = 3); split(validation = 0.25, test = 0.25, stratify = true) }
            network { dense(6, tanh); dense(1, sigmoid) }
            // balanced class weights: the imbalance metrics (not reported by default) are reported by weighted runs
            training { loss = bce; optimizer = sgd(lr = 0.5); epochs = 3; batchSize = full; classWeight = balanced }
        }).fit()
        val regression = mlpkit.dsl.train.TrainingRun(experiment("regression metrics") {
            data { regression(samples = 80, features = 2, randomState = 3); split(validation = 0.25, test = 0.25) }
            network { dense(6, tanh); dense(1, identity) }
            training { loss = mse; optimizer = sgd(lr = 0.01); epochs = 3; batchSize = full }
        }).fit()
        val metrics = registry.of(mlpkit.core.metrics.Metric.KIND).all()
        fun runFor(metric: Concept<*>) = when ((metric.create() as mlpkit.core.metrics.Metric).needs()!!) {
            mlpkit.core.metrics.Metric.Needs.VALUES, mlpkit.core.metrics.Metric.Needs.ONE_VALUE -> regression
            else -> classification
        }
        for (part in mlpkit.core.metrics.Metric.PARTS) {
            for (metric in metrics) {
                val name = "${part}_${metric.name()}"
                assertTrue(name in runFor(metric).metrics, "$name in ${runFor(metric).metrics.keys}")
                assertTrue(name in mlpkit.dsl.config.KnownNames.metrics(registry), "$name can be expected")
                assertTrue(MetricVocabulary::class.java.methods.any { it.name == "get" + identifier(name).replaceFirstChar { c -> c.uppercase() } })
            }
        }
        for (metric in metrics) {
            val validation = "validation_${metric.name()}"
            assertTrue(validation in runFor(metric).history.last().metrics, "$validation each epoch: ${runFor(metric).history.last().metrics.keys}")
            assertTrue("val_${metric.name()}" in mlpkit.dsl.config.KnownNames.monitors(registry), "val_${metric.name()} can be watched")
        }
    }

    @TestFactory
    fun `every generator of the registry is a data source of an experiment file with its parameters checked`(): List<DynamicTest> =
        mlpkit.data.generators.GeneratorRegistry.standard.generators.map { generator ->
            DynamicTest.dynamicTest(generator.name) {
                val json = experimentWith(Activation.KIND, registry.parse(Activation.KIND, "relu"))
                    .replace("\"generator\": \"make_moons\"", "\"generator\": \"${generator.name}\"")
                val spec = ExperimentFiles.parseJson(json, "${generator.name}.json")
                assertEquals(generator.name, (spec.data.source as mlpkit.dsl.spec.DataSource.Generator).generator)
                val typo = json.replace("\"generator\": \"${generator.name}\"", "\"generator\": \"${generator.name}\", \"params\": {\"n_sample\": 10}")
                val problem = org.junit.jupiter.api.assertThrows<mlpkit.dsl.config.ConfigException> { ExperimentFiles.parseJson(typo, "typo.json") }
                assertTrue(problem.message!!.contains("unknown parameter of ${generator.name}"), problem.message)
            }
        }

    /** A valid experiment file with [value] where its kind goes. */
    private fun experimentWith(kind: Kind<*>, value: Conceptual): String {
        var network = "network < dense(4, relu); dense(2, softmax) >"
        var loss = "\"softmax-ce\""
        var optimizer = """{"type": "sgd", "lr": 0.1}"""
        var schedule = """{"type": "constant"}"""
        when (kind) {
            Activation.KIND -> network = "network < dense(4, ${value.notation()}); dense(2, softmax) >"
            Initializer.KIND -> network = if ((value as Initializer).biasOnly()) {
                "network < dense(4, relu, bias=${value.notation()}); dense(2, softmax) >"
            } else {
                "network < dense(4, relu, weights=${value.notation()}); dense(2, softmax) >"
            }
            LayerSpec.KIND -> network = "network < dense(4, relu); ${value.notation()}; dense(2, softmax) >"
            Loss.KIND -> {
                val output = registry.of(Activation.KIND).all().map { it.create() }.first { (value as Loss).suits(it) }
                network = "network < dense(4, relu); dense(2, ${output.notation()}) >"
                loss = ConceptJson.encode(value, ConceptJson.Form.STRING).toString()
            }
            OptimizerSpec.KIND -> optimizer = ConceptJson.encode(value, ConceptJson.Form.OBJECT).toString()
            ScheduleSpec.KIND -> schedule = ConceptJson.encode(value, ConceptJson.Form.OBJECT).toString()
        }
        return """
            {"name": "everywhere",
             "data": {"source": {"type": "generator", "generator": "make_moons"}, "split": {"validation": 0.2}},
             "network": "$network",
             "training": {"loss": $loss, "optimizer": $optimizer, "schedule": $schedule, "epochs": 3}}
        """.trimIndent()
    }

    private fun valueIn(spec: mlpkit.dsl.spec.ExperimentSpec, kind: Kind<*>): Any = when (kind) {
        Activation.KIND -> (spec.network.layers()[0] as mlpkit.core.layer.Dense.Spec).activation()
        Initializer.KIND -> (spec.network.layers()[0] as mlpkit.core.layer.Dense.Spec).let { if (it.bias().biasOnly()) it.bias() else it.weights() }
        LayerSpec.KIND -> spec.network.layers()[1]
        Loss.KIND -> spec.training.loss
        OptimizerSpec.KIND -> spec.training.optimizer
        else -> spec.training.schedule
    }

    /** Defaults, and for a required parameter a value inside its range. */
    private fun example(concept: Concept<*>): Map<String, Any> = buildMap {
        concept.params().filter(Param::isRequired).forEachIndexed { i, p ->
            val real = 0.5 + 0.125 * i
            put(p.name(), when (p.type()!!) {
                Param.Type.INTEGER -> 3
                Param.Type.REAL -> if (p.problem(real) == null) real else if (p.problem(1.0) == null) 1.0 else 2.0
                Param.Type.BOOLEAN -> false
                Param.Type.TEXT -> if (p.choices().isEmpty()) "val_loss" else p.choices()[0]
                Param.Type.CONCEPT -> registry.of(p.kind()).all().first().create()
            })
        }
    }

    private fun identifier(name: String): String =
        name.split('-', '_').mapIndexed { i, part -> if (i == 0) part else part.replaceFirstChar { it.uppercase() } }.joinToString("")
}
