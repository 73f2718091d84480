package mlpkit.dsl.cluster

import mlpkit.core.network.NetworkSpec
import mlpkit.data.ClassLabels
import mlpkit.data.RegressionTargets
import mlpkit.dsl.Experiment
import mlpkit.dsl.ExperimentBuilder
import mlpkit.dsl.experiment
import mlpkit.dsl.fitDistributed
import mlpkit.dsl.network
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.train.SeedStreams
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import mlpkit.data.scaling.StandardScaler
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import kotlin.math.abs
import kotlin.math.ln
import kotlin.math.max
import kotlin.math.sqrt

/**
 * Runs on rows the engine reads itself (`"type": "spark"` sources), through [InProcessEngine]'s `load` and `score`:
 * they train as a run on the same rows loaded here, and report the same figures.
 */
class EngineRowsTrainingTest {
    /** A run of moons, local (its own generator) or read by the engine from [path]. */
    private fun moons(path: String? = null, more: ExperimentBuilder.() -> Unit = {}): Experiment = experiment("moons") {
        data { if (path == null) moons(samples = 120, noise = 0.2, randomState = 0) else spark("parquet", path) }
        network { dense(10, tanh); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 20; seed = 3 }
        if (path != null) cluster { engine = InProcessEngine.NAME; master = "here"; partitions = 3 }
        more()
    }

    /** The rows [experiment]'s local run trains on, as a table of the engine (class labels as their names). */
    private fun tableOf(experiment: Experiment): InProcessEngine.Table {
        val seed = experiment.spec.training.seed
        val data = DataResolver().resolve(experiment.spec.data, SeedStreams(seed).split(), SeedStreams(seed).dataSeed)
        val x = data.train.features.toMatrix()
        val rows = (0 until x.rowDimension).map { r -> DoubleArray(x.columnDimension) { x.getEntry(r, it) } }
        return when (val targets = data.train.targets) {
            is ClassLabels -> InProcessEngine.Table(rows, labels = targets.labels.map { targets.classNames[it] })
            is RegressionTargets -> InProcessEngine.Table(rows, targets = (0 until x.rowDimension).map { r -> DoubleArray(targets.outputs) { targets.values.getEntry(r, it) } })
            else -> error("unexpected targets $targets")
        }
    }

    private fun relative(a: Double, b: Double) = abs(a - b) / max(1.0, abs(b))

    private fun series(result: TrainingResult, metric: String) = result.history.map { it.metrics.getValue(metric) }

    @Test
    fun `an lbfgs run on loaded rows equals the local run on the same rows, epoch for epoch`() {
        val local = TrainingRun(moons()).fit()
        InProcessEngine.FILES["mem://moons"] = tableOf(moons())
        val engine = InProcessEngine()
        val loaded = TrainingRun(moons("mem://moons")).on(engine).fit()
        assertEquals(local.epochs, loaded.epochs)
        assertEquals((local.reason as StopReason.SolverStopped).evaluations, assertInstanceOf(StopReason.SolverStopped::class.java, loaded.reason).evaluations)
        for (metric in listOf("train_loss", "train_accuracy")) {
            series(loaded, metric).zip(series(local, metric)).forEachIndexed { i, (a, b) -> assertTrue(relative(a, b) < 1e-9, "$metric in epoch ${i + 1}: $a vs $b") }
            assertTrue(relative(loaded.metric(metric), local.metric(metric)) < 1e-9, "final $metric")
        }
        val parameters = loaded.parameters()
        local.parameters().forEachIndexed { i, p -> assertTrue(relative(parameters[i], p) < 1e-9, "parameter $i") }
        assertTrue("train_auc" in local.metrics && "train_auc" !in loaded.metrics, "AUC is not a sum: ${loaded.metrics.keys}")
        assertEquals(
            listOf("auc left out: the engine scores rows as sums on its workers (loss, accuracy, mae, rmse, r2, max_error), and this metric needs every row's prediction"),
            loaded.notes,
        )
        assertEquals(loaded.epochs + 2, engine.scored, "the untrained loss, each epoch's training rows, and the final figures")
        assertEquals(1, engine.released, "the loaded training rows are released (there are no validation rows)")
        assertEquals(listOf("0", "1"), loaded.model.file.classNames)
        assertEquals("in-process test engine, strategy sync, 3 partitions", loaded.trainedOn, "the cluster block's partitions")
    }

    @Test
    fun `a single sigmoid output with bce trains on loaded rows as a 0-1 column, as locally`() {
        val binary: ExperimentBuilder.() -> Unit = {
            network { dense(6, tanh); dense(1, sigmoid) }
            training { loss = bce }
        }
        val local = TrainingRun(moons(more = binary)).fit()
        InProcessEngine.FILES["mem://moons-binary"] = tableOf(moons())
        val loaded = TrainingRun(moons("mem://moons-binary", binary)).on(InProcessEngine()).fit()
        series(loaded, "train_loss").zip(series(local, "train_loss")).forEachIndexed { i, (a, b) -> assertTrue(relative(a, b) < 1e-9, "epoch ${i + 1}: $a vs $b") }
        assertEquals(local.metric("train_accuracy"), loaded.metric("train_accuracy"))
        assertEquals(local.model.file.targetEncoding, loaded.model.file.targetEncoding)
    }

    @Test
    fun `the model file of a run on loaded rows saves, loads and predicts raw rows as the trained model does`(@org.junit.jupiter.api.io.TempDir dir: java.nio.file.Path) {
        val table = tableOf(moons())
        InProcessEngine.FILES["mem://moons-file"] = table
        val result = TrainingRun(
            moons("mem://moons-file") { data { spark("parquet", "mem://moons-file"); scaling = standard } },
        ).on(InProcessEngine()).fit()
        val file = dir.resolve("model.json")
        result.model.save(file)
        val rows = table.features.toTypedArray()
        assertArrayEquals(result.model.predict(rows).data(), mlpkit.dsl.model.Model.load(file).predict(rows).data())
        val fitted = network { dense(10, tanh); dense(2, softmax) }.fitDistributed("a session", table) {
            training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 3 }
            cluster { engine = InProcessEngine.NAME }
        }
        fitted.save(dir.resolve("fitted.json"))
        assertArrayEquals(fitted.predict(rows).data(), mlpkit.dsl.model.Model.load(dir.resolve("fitted.json")).predict(rows).data())
    }

    @Test
    fun `weighted full-batch gradient descent on loaded rows equals the local weighted run from a csv file, and its round losses those of rows sent by the driver`(@org.junit.jupiter.api.io.TempDir dir: java.nio.file.Path) {
        val table = tableOf(moons())
        val weights = DoubleArray(table.features.size) { 0.5 + (it * 7 % 10) / 5.0 }
        val csv = buildString {
            append("x1,x2,w,label\n")
            table.features.forEachIndexed { i, x -> append("${x[0]},${x[1]},${weights[i]},${table.labels!![i]}\n") }
        }
        val file = java.nio.file.Files.writeString(dir.resolve("moons.csv"), csv)
        val gd: ExperimentBuilder.() -> Unit = { training { optimizer = sgd(lr = 0.5, momentum = 0.9); batchSize = full; epochs = 12 } }
        val local = TrainingRun(
            moons(more = { data { csv(file.toString(), header = true, label = "label", sampleWeight = "w") }; gd() }),
        ).fit()
        InProcessEngine.FILES["mem://moons-weighted"] = InProcessEngine.Table(table.features, table.labels, weights = weights)
        val loaded = TrainingRun(
            moons("mem://moons-weighted") { data { spark("csv", "mem://moons-weighted") { sampleWeight("w") } }; gd() },
        ).on(InProcessEngine()).fit()
        assertEquals(12, loaded.epochs)
        // A round's train_loss is the weighted mean Σ w ℓ / Σ w before the step, as for rows sent by the driver.
        val sent = TrainingRun(
            moons(more = { data { csv(file.toString(), header = true, label = "label", sampleWeight = "w") }; gd(); cluster { master = "here" } }),
        ).on(InProcessEngine()).fit()
        series(loaded, "train_loss").zip(series(sent, "train_loss")).forEachIndexed { i, (a, b) -> assertTrue(relative(a, b) < 1e-9, "epoch ${i + 1}: $a vs $b") }
        val parameters = loaded.parameters()
        local.parameters().forEachIndexed { i, p -> assertTrue(relative(parameters[i], p) < 1e-9, "parameter $i") }
        assertTrue(loaded.notes.single().startsWith("auc, balanced_accuracy, f1, f1_macro left out"), loaded.notes.toString())
    }

    @Test
    fun `an averaging run scores its validation rows as the trained model scores them here`() {
        val table = tableOf(moons())
        InProcessEngine.FILES["mem://moons-validation"] = table
        val engine = InProcessEngine()
        val result = TrainingRun(
            moons("mem://moons-validation") {
                data { spark("parquet", "mem://moons-validation"); split(validation = 0.25, randomState = 7); scaling = standard }
                training { optimizer = adam(lr = 0.01); batchSize = 16; epochs = 5 }
            },
        ).on(engine).fit()
        assertEquals(5, result.epochs)
        val validation = engine.validationRows.single()
        assertTrue(validation.size in 15..45, "about a quarter of 120 rows: ${validation.size}")
        // The model holds the engine's scaling, so it takes the raw rows.
        val scaler = (result.model.file.inputScaling as InputScaling.Fitted).scaler as StandardScaler
        val training = table.features.indices.filter { it !in validation }
        assertTrue(relative(scaler.mean!![0], training.sumOf { table.features[it][0] } / training.size) < 1e-12)
        val probabilities = result.model.predict(validation.map { table.features[it] }.toTypedArray())
        var lossSum = 0.0
        var right = 0
        validation.forEachIndexed { r, i ->
            val truth = table.labels!![i].toInt()
            lossSum -= ln(probabilities.getEntry(r, truth))
            if ((if (probabilities.getEntry(r, 1) > probabilities.getEntry(r, 0)) 1 else 0) == truth) right++
        }
        assertTrue(relative(result.metric("validation_loss"), lossSum / validation.size) < 1e-12, "${result.metric("validation_loss")} vs ${lossSum / validation.size}")
        assertEquals(right.toDouble() / validation.size, result.metric("validation_accuracy"))
        assertEquals(series(result, "validation_loss").last(), result.metric("validation_loss"), "the last epoch's figure is the final one")
    }

    @Test
    fun `a regression on loaded rows reports the summable metrics as computed here from the model's predictions`() {
        val regression: (String?) -> Experiment = { path ->
            experiment("regression") {
                data { if (path == null) regression(samples = 80, features = 3, noise = 5.0, randomState = 1) else spark("json", path) { label("y") } }
                network { dense(6, tanh); dense(1, identity) }
                training { loss = mse; optimizer = lbfgs; epochs = 15; seed = 2 }
                if (path != null) cluster { engine = InProcessEngine.NAME; master = "here" }
            }
        }
        val table = tableOf(regression(null))
        InProcessEngine.FILES["mem://regression"] = table
        val result = TrainingRun(regression("mem://regression")).on(InProcessEngine()).fit()
        val predicted = result.model.predict(table.features.toTypedArray())
        val n = table.features.size
        val errors = (0 until n).map { table.targets!![it][0] - predicted.getEntry(it, 0) }
        val mean = table.targets!!.sumOf { it[0] } / n
        assertTrue(relative(result.metric("train_mae"), errors.sumOf { abs(it) } / n) < 1e-12)
        assertTrue(relative(result.metric("train_rmse"), sqrt(errors.sumOf { it * it } / n)) < 1e-12)
        assertTrue(relative(result.metric("train_r2"), 1 - errors.sumOf { it * it } / table.targets!!.sumOf { (it[0] - mean) * (it[0] - mean) }) < 1e-12)
        assertTrue(relative(result.metric("train_max_error"), errors.maxOf { abs(it) }) < 1e-12)
        assertEquals(listOf("y"), result.model.file.targetNames)
        assertTrue(result.notes.single().startsWith("explained_variance left out"), result.notes.toString())
    }

    @Test
    fun `fitDistributed trains a network on a data frame of the session and returns the model local training returns`() {
        val table = tableOf(moons())
        val local = TrainingRun(moons()).fit()
        val before = InProcessEngine.ATTACHED.size
        val model = network { dense(10, tanh); dense(2, softmax) }.fitDistributed("a session", table) {
            training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 20; seed = 3 }
            cluster { engine = InProcessEngine.NAME }
        }
        val attached = InProcessEngine.ATTACHED[before]
        assertEquals("a session", attached.session)
        assertTrue(attached.closed, "the engine attached for the fit is closed; the session is the caller's")
        val parameters = model.file.parameters
        local.parameters().forEachIndexed { i, p -> assertTrue(relative(parameters[i], p) < 1e-9, "parameter $i") }
        assertEquals(NetworkSpec.parse(model.file.notation), NetworkSpec.parse(local.model.file.notation))
        val error = assertThrows<mlpkit.dsl.config.ConfigException> {
            network { dense(10, tanh); dense(2, softmax) }.fitDistributed("a session", table) {
                training { loss = softmaxCrossEntropy; optimizer = adam; epochs = 2; batchSize = 16 }
                cluster { engine = InProcessEngine.NAME; strategy = sync }
            }
        }
        assertTrue(error.message!!.startsWith("fitDistributed: $.cluster.strategy: synchronous rounds with mini-batches"), error.message)
        assertFalse(InProcessEngine.ATTACHED.size > before + 1, "a refused fit attaches to nothing")
    }
}
