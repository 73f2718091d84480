package mlpkit.dsl.model

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.RegressionTargets
import mlpkit.dsl.experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** `model.evaluate(…)`: the run's own part metrics, measured on labelled rows given later. */
class ModelEvaluateTest {
    @TempDir
    lateinit var dir: Path

    /** A CSV of [rows] (features, then the label) with a header. */
    private fun csv(name: String, header: String, rows: List<String>): Path = dir.resolve(name).also { Files.writeString(it, header + "\n" + rows.joinToString("\n") + "\n") }

    private val classRows = listOf(
        "0.1,0.9,a", "0.2,0.8,a", "0.3,0.7,a", "0.25,0.95,a", "0.15,0.6,a", "0.35,0.85,a",
        "0.9,0.1,b", "0.8,0.3,b", "0.7,0.2,b", "0.95,0.25,b", "0.6,0.15,b", "0.85,0.35,b",
    )

    @Test
    fun `evaluating a model on its own training file gives the run's train metrics and report`() {
        val file = csv("train.csv", "x1,x2,label", classRows)
        val result = experiment("ab") {
            data { csv(file.toString()); split(shuffle = false); scaling = standard }
            network { dense(4, tanh); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.05); epochs = 20; batchSize = 4; seed = 1 }
        }.fit()
        val evaluation = result.model.evaluate(file)
        assertEquals(12, evaluation.rows)
        val train = result.metrics.filterKeys { it.startsWith("train_") }.mapKeys { it.key.removePrefix("train_") }
        assertEquals(listOf("loss", "accuracy", "auc"), train.keys.toList().take(3))
        assertEquals(train, evaluation.metrics)
        assertEquals(result.reports["train"], evaluation.report)
    }

    @Test
    fun `evaluate takes class numbers or real values and refuses what does not fit the model`() {
        val file = csv("train.csv", "x1,x2,label", classRows)
        val model = experiment("ab") {
            data { csv(file.toString()); scaling = standard }
            network { dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.1); epochs = 30; batchSize = 4; seed = 1 }
        }.fit().model
        val x = DenseMatrix.of(arrayOf(doubleArrayOf(0.1, 0.9), doubleArrayOf(0.9, 0.1), doubleArrayOf(0.2, 0.9)))
        assertEquals(listOf(0, 1, 0), model.predictClasses(x).toList())
        // Predicted a, b, a against a, b, b: 2 of 3 right.
        assertEquals(2.0 / 3, model.evaluate(x, intArrayOf(0, 1, 1)).metric("accuracy"))
        val wrongWidth = assertThrows<IllegalArgumentException> { model.evaluate(DenseMatrix(2, 3), intArrayOf(0, 1)) }
        assertTrue(wrongWidth.message!!.startsWith("the model 'network < dense(2, softmax) >' takes 2 input columns, got 3"), wrongWidth.message)
        assertThrows<IllegalArgumentException> { model.evaluate(x, RegressionTargets(DenseMatrix(3, 1))) }
        val unknown = assertThrows<IllegalArgumentException> { model.evaluate(x, ClassLabels(intArrayOf(0, 1, 2))) }
        assertEquals("the labels name 3 classes, but the model 'network < dense(2, softmax) >' knows 2 (a, b)", unknown.message)
    }

    @Test
    fun `a labelled file without the label or with the wrong width is refused with what the model expects`() {
        val file = csv("train.csv", "x1,x2,label", classRows)
        val model = experiment("ab") {
            data { csv(file.toString()) }
            network { dense(2, softmax) }
            training { loss = softmaxCrossEntropy; epochs = 1; seed = 1 }
        }.fit().model
        val noLabels = csv("x.csv", "x1,x2", listOf("0.1,0.9"))
        assertEquals(
            "$noLabels has 2 columns, the model's 2 features and no label: evaluating needs the true labels " +
                "(expected 3 columns: the features, then the label); to predict without them, use predict",
            assertThrows<IllegalArgumentException> { model.evaluate(noLabels) }.message,
        )
        val wide = csv("w.csv", "x1,x2,x3,label", listOf("0.1,0.9,0.3,a"))
        assertEquals(
            "$wide has 4 columns, but the model 'network < dense(2, softmax) >' takes 2 features: expected 3 columns (the features, then the label)",
            assertThrows<IllegalArgumentException> { model.evaluate(wide) }.message,
        )
        val otherClass = csv("c.csv", "x1,x2,label", listOf("0.1,0.9,c"))
        assertTrue(assertThrows<IllegalArgumentException> { model.evaluate(otherClass) }.message!!.contains("class 'c' is not one of the given class names [a, b]"))
        val missing = dir.resolve("missing.csv")
        assertTrue(assertThrows<IllegalArgumentException> { model.evaluate(missing) }.message!!.startsWith("$missing: no such file"))
    }

    @Test
    fun `a model trained on a table evaluates a table by its column names, label found by name`() {
        val rows = classRows.mapIndexed { i, row -> row.substringBeforeLast(',') + (if (i % 3 == 0) ",red," else ",blue,") + row.substringAfterLast(',') }
        val file = csv("table.csv", "x1,x2,colour,kind", rows)
        val result = experiment("table") {
            data { csv(file.toString(), label = "kind") { categorical("colour") }; split(shuffle = false) }
            network { dense(3, tanh); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.05); epochs = 10; batchSize = 4; seed = 3 }
        }.fit()
        val train = result.metrics.filterKeys { it.startsWith("train_") }.mapKeys { it.key.removePrefix("train_") }
        assertEquals(train, result.model.evaluate(file).metrics)
        // The columns in another order, the label moved to the front: chosen by name all the same.
        val reordered = csv("reordered.csv", "kind,colour,x2,x1", rows.map { r -> r.split(',').let { listOf(it[3], it[2], it[1], it[0]).joinToString(",") } })
        assertEquals(train, result.model.evaluate(reordered).metrics)
        val unlabelled = csv("unlabelled.csv", "x1,x2,colour", rows.map { it.substringBeforeLast(',') })
        assertEquals(
            "$unlabelled has only the model's feature columns (x1, x2, colour), no label column: evaluating needs the true labels in a column 'kind'; " +
                "to predict without them, use predict",
            assertThrows<IllegalArgumentException> { result.model.evaluate(unlabelled) }.message,
        )
    }
}
