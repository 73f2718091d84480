package mlpkit.dsl.train

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.double
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.core.loss.Reduction
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.network.Network
import mlpkit.core.optim.lbfgs.LbfgsOptimizer
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.dsl.Experiment
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.experiment
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.ExperimentSpec
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.abs
import kotlin.math.sqrt

/**
 * L-BFGS through the training loop against scikit-learn 1.2.1's MLP with solver='lbfgs', from the same initial
 * weights (fixture by scripts/generate_mlp_lbfgs_fixtures.py): the final objective (mean training loss + L2,
 * scikit-learn's loss_) within 1 % of scikit-learn's, on E3's data and on standardised diabetes. Both runs go on
 * until a convergence test holds (max_iter 3000 is not reached) with alpha = 1 (λ = 1 / n_train): the two line
 * searches differ, so the comparison is of converged runs.
 */
class LbfgsScikitLearnTest {
    private val fixture: JsonObject = Json.parseToJsonElement(
        javaClass.getResource("/mlpkit/dsl/lbfgs/sklearn_mlp_lbfgs.json")!!.readText(),
    ).jsonObject

    private fun JsonObject.doubles(key: String) = getValue(key).jsonArray.map { it.jsonPrimitive.double }.toDoubleArray()
    private fun JsonObject.number(key: String) = getValue(key).jsonPrimitive.double

    /** The case's lbfgs: scikit-learn's tol and max_fun, weightDecay = alpha / n_train, epochs = max_iter. */
    private fun withLbfgs(spec: ExperimentSpec, case: JsonObject): ExperimentSpec {
        val optimizer = LbfgsOptimizer(10, case.getValue("max_fun").jsonPrimitive.int, case.number("tol"), 1e7 * Math.ulp(1.0), 20, case.number("weightDecay"))
        return spec.copy(training = spec.training.copy(optimizer = optimizer, epochs = case.getValue("max_iter").jsonPrimitive.int))
    }

    private fun relativeDistance(a: DoubleArray, b: DoubleArray): Double =
        sqrt(a.indices.sumOf { (a[it] - b[it]) * (a[it] - b[it]) }) / sqrt(b.sumOf { it * it })

    private fun compare(name: String, case: JsonObject, experiment: Experiment, data: ResolvedData): TrainingResult {
        val spec = experiment.spec
        val start = case.doubles("initial_parameters")
        // The same network from the same weights has scikit-learn's loss: the flat layouts agree.
        val network = Network.build(spec.network, data.inputSize, spec.training.loss, 0L)
        start.copyInto(network.parameters())
        val x = data.train.features.toMatrix()
        val y = (data.train.targets as? RegressionTargets)?.values
            ?: DenseMatrix(data.train.size, 1).also { m -> data.train.classLabels.labels.forEachIndexed { i, l -> m.setEntry(i, 0, l.toDouble()) } }
        assertEquals(case.number("initial_data_loss"), network.loss(x, y, Reduction.MEAN), 1e-12, "$name: the loss at scikit-learn's initial weights")

        val result = TrainingRun(experiment, data = data).startingFrom(start).fit()
        val reason = assertInstanceOf(StopReason.SolverStopped::class.java, result.reason)
        val sklearn = case.number("loss")
        val gap = (reason.loss - sklearn) / sklearn
        val weights = relativeDistance(result.parameters(), case.doubles("final_parameters"))
        println(
            "$name: mlpkit objective ${reason.loss} after ${reason.iterations} iterations (${reason.scipyText}), " +
                "scikit-learn loss_ $sklearn after ${case.getValue("n_iter")} iterations; relative gap $gap; " +
                "final weights' relative distance $weights",
        )
        assertTrue(abs(gap) <= 0.01, "$name: mlpkit's final objective ${reason.loss} within 1 % of scikit-learn's loss_ $sklearn (gap $gap)")
        assertTrue(reason.converged && case.getValue("n_iter").jsonPrimitive.int < case.getValue("max_iter").jsonPrimitive.int,
            "$name: both converged before max_iter (mlpkit: ${reason.scipyText})")
        return result
    }

    @Test
    fun `on E3's data L-BFGS reaches scikit-learn's final training loss within 1 percent from the same initial weights`() {
        val case = fixture.getValue("e3").jsonObject
        val spec = withLbfgs(ExperimentFiles.parseJson(Files.readString(Path.of("../examples/e3.json")), "e3.json"), case)
        val streams = SeedStreams(spec.training.seed)
        val data = DataResolver().resolve(spec.data, streams.split(), streams.dataSeed)
        assertEquals(case.getValue("n_train").jsonPrimitive.int, data.train.size)
        assertArrayEquals(case.doubles("first_row"), data.train.features.row(0), 1e-12, "E3's first training row is scikit-learn's")
        assertArrayEquals(case.doubles("first_labels").map { it.toInt() }.toIntArray(), data.train.classLabels.labels.copyOf(10))
        compare("e3", case, Experiment(spec), data)
    }

    @Test
    fun `on standardised diabetes L-BFGS reaches scikit-learn's final training loss within 1 percent from the same initial weights`() {
        val case = fixture.getValue("diabetes").jsonObject
        val rows = case.getValue("x").jsonArray.map { r -> r.jsonArray.map { it.jsonPrimitive.double }.toDoubleArray() }.toTypedArray()
        val targets = case.doubles("y")
        val train = Dataset("diabetes (standardised)", DenseFeatures.of(rows), RegressionTargets(DenseMatrix.of(Array(targets.size) { doubleArrayOf(targets[it]) })))
        val data = ResolvedData(train, null, null, null, null)
        val base = experiment("diabetes-lbfgs") {
            data { diabetes() }
            network { dense(10, tanh); dense(1, identity) }
            training { loss = halfSse; seed = 0 }
        }
        val result = compare("diabetes", case, Experiment(withLbfgs(base.spec, case)), data)
        assertTrue(relativeDistance(result.parameters(), case.doubles("final_parameters")) < 0.01, "diabetes: the same minimum, weights within 1 %")
    }
}
