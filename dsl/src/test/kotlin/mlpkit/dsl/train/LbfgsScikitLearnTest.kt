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
import mlpkit.core.optim.FullBatchRun
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
 * scikit-learn's loss_) within 1 % of scikit-learn's (the issue's bar), on E3's data and on standardised diabetes:
 * converged runs with alpha = 1 (λ = 1 / n_train, max_iter 3000) end within 0.01 % at the same minimum; at
 * scikit-learn's defaults (alpha 1e-4, max_iter 200) both stop at the iteration limit within 0.1 %, after
 * following each other for 50 iterations to 1e-9; a 3-unit network follows scikit-learn's loss for 100 to 1e-6.
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
        assertTrue(abs(gap) <= 1e-4, "$name: mlpkit's final objective ${reason.loss} within 0.01 % of scikit-learn's loss_ $sklearn (gap $gap)")
        assertTrue(weights < 0.01, "$name: the same minimum, weights within 1 % (distance $weights)")
        assertTrue(reason.converged && case.getValue("n_iter").jsonPrimitive.int < case.getValue("max_iter").jsonPrimitive.int,
            "$name: both converged before max_iter (mlpkit: ${reason.scipyText})")
        return result
    }

    /** E3's training part, checked to be scikit-learn's rows. */
    private fun e3Data(case: JsonObject): Pair<ExperimentSpec, ResolvedData> {
        val spec = withLbfgs(ExperimentFiles.parseJson(Files.readString(Path.of("../examples/e3.json")), "e3.json"), case)
        val streams = SeedStreams(spec.training.seed)
        val data = DataResolver().resolve(spec.data, streams.split(), streams.dataSeed)
        assertEquals(case.getValue("n_train").jsonPrimitive.int, data.train.size)
        assertArrayEquals(case.doubles("first_row"), data.train.features.row(0), 1e-12, "E3's first training row is scikit-learn's")
        return spec to data
    }

    /** Standardised diabetes as the fixture holds it, and a spec with [hidden] tanh units. */
    private fun diabetesData(case: JsonObject, hidden: Int): Pair<ExperimentSpec, ResolvedData> {
        val rowsCase = fixture.getValue("diabetes").jsonObject
        val rows = rowsCase.getValue("x").jsonArray.map { r -> r.jsonArray.map { it.jsonPrimitive.double }.toDoubleArray() }.toTypedArray()
        val targets = rowsCase.doubles("y")
        val train = Dataset("diabetes (standardised)", DenseFeatures.of(rows), RegressionTargets(DenseMatrix.of(Array(targets.size) { doubleArrayOf(targets[it]) })))
        val base = experiment("diabetes-lbfgs") {
            data { diabetes() }
            network { dense(hidden, tanh); dense(1, identity) }
            training { loss = halfSse; seed = 0 }
        }
        return withLbfgs(base.spec, case) to ResolvedData(train, null, null, null, null)
    }

    /**
     * The objective after each iteration of core's run from the case's initial weights, as the training loop starts
     * it (the network's objective over all training rows, the optimiser's L2 penalty on the weights).
     */
    private fun lossCurve(case: JsonObject, spec: ExperimentSpec, data: ResolvedData): Pair<DoubleArray, FullBatchRun> {
        val network = Network.build(spec.network, data.inputSize, spec.training.loss, 0L)
        case.doubles("initial_parameters").copyInto(network.parameters())
        val x = data.train.features.toMatrix()
        val y = (data.train.targets as? RegressionTargets)?.values
            ?: DenseMatrix(data.train.size, 1).also { m -> data.train.classLabels.labels.forEachIndexed { i, l -> m.setEntry(i, 0, l.toDouble()) } }
        val run = spec.training.optimizer.startFullBatch(network.objective(x, y, false), network.parameters().copyOf(),
            spec.training.epochs, network.layout().weightMask())
        val curve = mutableListOf(run.loss())
        while (run.iterate()) {
            curve += run.loss()
        }
        return curve.toDoubleArray() to run
    }

    /** The largest relative gap |ours − scikit-learn's| / scikit-learn's over the first [k] iterations' objectives. */
    private fun worstGap(ours: DoubleArray, theirs: DoubleArray, k: Int): Double =
        (0..k).maxOf { abs(ours[it] - theirs[it]) / abs(theirs[it]) }

    /** The first iteration whose objectives are more than [gap] apart, relative (the curves' length if none). */
    private fun parting(ours: DoubleArray, theirs: DoubleArray, gap: Double): Int =
        (0 until minOf(ours.size, theirs.size)).firstOrNull { abs(ours[it] - theirs[it]) / abs(theirs[it]) > gap } ?: minOf(ours.size, theirs.size)

    private fun atDefaults(name: String, case: JsonObject, spec: ExperimentSpec, data: ResolvedData): Double {
        assertEquals(1e-4, case.number("alpha"))
        assertEquals(200, case.getValue("max_iter").jsonPrimitive.int)
        val result = TrainingRun(Experiment(spec), data = data).startingFrom(case.doubles("initial_parameters")).fit()
        val reason = assertInstanceOf(StopReason.SolverStopped::class.java, result.reason)
        val sklearn = case.number("loss")
        val gap = (reason.loss - sklearn) / sklearn
        val (curve, run) = lossCurve(case, spec, data)
        val theirs = case.doubles("losses")
        println(
            "$name: mlpkit objective ${reason.loss} after ${reason.iterations} iterations, ${run.evaluations()} evaluations " +
                "(${reason.scipyText}); scikit-learn loss_ $sklearn after ${case.getValue("n_iter")} iterations, ${case.getValue("nfev")} " +
                "evaluations (${case.getValue("message").jsonPrimitive.content}); relative gap $gap; curves 1e-9 apart from iteration " +
                "${parting(curve, theirs, 1e-9)}, 1e-6 from ${parting(curve, theirs, 1e-6)}, 1e-3 from ${parting(curve, theirs, 1e-3)}",
        )
        assertEquals(reason.loss, curve.last(), 0.0, "$name: the training loop's run is core's run")
        assertEquals(case.getValue("n_iter").jsonPrimitive.int, reason.iterations, name)
        assertEquals(case.getValue("message").jsonPrimitive.content, reason.scipyText, name)
        // Step for step: the objectives after each of the first 50 iterations agree to 1e-9 relative (measured: they
        // stay within 1e-9 until iteration 64 on E3, 66 on diabetes, 67 on the 3-unit network). What parts them is
        // rounding (numpy's BLAS sums against ours, L-BFGS-B's compact form against the two-loop recursion), which
        // each iteration amplifies.
        assertTrue(worstGap(curve, theirs, 50) <= 1e-9, "$name: worst relative gap over 50 iterations ${worstGap(curve, theirs, 50)}")
        return gap
    }

    @Test
    fun `at scikit-learn's defaults on E3's data L-BFGS ends within 1 percent of scikit-learn's final loss`() {
        val case = fixture.getValue("e3_defaults").jsonObject
        val (spec, data) = e3Data(case)
        val gap = atDefaults("e3_defaults", case, spec, data)
        assertTrue(abs(gap) <= 0.01, "gap $gap")
    }

    @Test
    fun `at scikit-learn's defaults on standardised diabetes L-BFGS ends within 1 percent of scikit-learn's final loss`() {
        val case = fixture.getValue("diabetes_defaults").jsonObject
        val (spec, data) = diabetesData(case, 10)
        val gap = atDefaults("diabetes_defaults", case, spec, data)
        assertTrue(abs(gap) <= 0.01, "gap $gap")
    }

    @Test
    fun `on a three-unit diabetes network the loss after each iteration follows scikit-learn's`() {
        val case = fixture.getValue("diabetes_small").jsonObject
        val (spec, data) = diabetesData(case, 3)
        val gap = atDefaults("diabetes_small", case, spec, data)
        val (curve, _) = lossCurve(case, spec, data)
        val theirs = case.doubles("losses")
        // measured: 4.5e-11 over 50 iterations, 1.2e-7 over 100, 9.4e-5 over all 200; final gap 3.5e-5
        assertTrue(worstGap(curve, theirs, 100) <= 1e-6, "worst relative gap over 100 iterations ${worstGap(curve, theirs, 100)}")
        assertTrue(worstGap(curve, theirs, 200) <= 1e-3, "worst relative gap over 200 iterations ${worstGap(curve, theirs, 200)}")
        assertTrue(abs(gap) <= 1e-4, "gap $gap")
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
        compare("diabetes", case, Experiment(withLbfgs(base.spec, case)), data)
    }
}
