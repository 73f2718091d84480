package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** scikit-learn's toy sets from the command line: listed, inspected, trained on from JSON, and refused by an unknown name. */
class BuiltInToySetsTest {
    @TempDir
    lateinit var dir: Path

    private fun config(name: String, set: String, network: String, loss: String) = dir.resolve("$name.json").also {
        Files.writeString(it, """
            { "name": "$name",
              "data": { "source": { "type": "builtin", "set": "$set" }, "split": { "test": 0.2 }, "scaling": "standard" },
              "network": "$network",
              "training": { "loss": "$loss", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": 3, "batchSize": 16, "seed": 1 } }
        """.trimIndent())
    }

    private fun runDirectory(out: Path): Path = Files.list(out).use { it.toList() }.single()

    @Test
    fun `data list shows the five scikit-learn sets with their task, shape and outputs`() {
        val run = mlp("data", "list")
        assertEquals(0, run.exitCode, run.err)
        val expected = listOf(
            "  iris           classification, 150 × 4, 3 classes (setosa, versicolor, virginica): Fisher's iris flowers (scikit-learn's load_iris); shipped in the jar",
            "  wine           classification, 178 × 13, 3 classes (class_0, class_1, class_2): wine recognition, 13 chemical measurements (scikit-learn's load_wine); shipped in the jar",
            "  breast-cancer  classification, 569 × 30, 2 classes (malignant, benign): breast cancer Wisconsin diagnostic, 0 = malignant (scikit-learn's load_breast_cancer); shipped in the jar",
            "  diabetes       regression, 442 × 10, 1 regression target (disease progression): diabetes progression, raw unscaled features (scikit-learn's load_diabetes(scaled=False)); shipped in the jar",
            "  linnerud       regression, 20 × 3, 3 regression targets (Weight, Waist, Pulse): 20 men's exercise and physiology, multi-output (scikit-learn's load_linnerud); shipped in the jar",
        )
        assertEquals(expected, run.outLines.subList(2, 7), run.out)
    }

    @Test
    fun `data inspect iris shows scikit-learn's shape, class counts and feature names`() {
        val run = mlp("data", "inspect", "iris")
        assertEquals(0, run.exitCode, run.err)
        assertEquals("iris: 150 samples × 4 features", run.outLines[0])
        assertEquals("  feature values: min 0.1, max 7.9", run.outLines[2])
        assertEquals(listOf("setosa", "versicolor", "virginica").mapIndexed { i, n -> "    ${n.padEnd(10)}  ${"$i".padStart(5)}  50" }, run.outLines.subList(5, 8))
        assertEquals("  feature names: sepal length (cm), sepal width (cm), petal length (cm), petal width (cm)", run.outLines.last())
    }

    @Test
    fun `a JSON config with the built-in iris trains and records scikit-learn's feature names in the model`() {
        val out = dir.resolve("runs")
        val run = mlp("run", config("iris", "iris", "network < dense(8, relu); dense(3, softmax) >", "softmaxCrossEntropy").toString(),
            "--out", out.toString(), "--quiet", "--no-report")
        assertEquals(0, run.exitCode, run.err)
        val model = Files.readString(runDirectory(out).resolve("model.json"))
        assertTrue("\"petal width (cm)\"" in model && "\"virginica\"" in model, model.take(2000))
    }

    @Test
    fun `the built-in linnerud trains as multi-output regression with three targets`() {
        val out = dir.resolve("runs")
        val run = mlp("run", config("linnerud", "linnerud", "network < dense(4, tanh); dense(3, identity) >", "mse").toString(),
            "--out", out.toString(), "--quiet", "--no-report")
        assertEquals(0, run.exitCode, run.err)
        assertTrue(Files.exists(runDirectory(out).resolve("model.json")))
    }

    @Test
    fun `an unknown built-in set exits 2 naming the valid sets and creates no run`() {
        val out = dir.resolve("runs")
        val file = config("typo", "iriss", "network < dense(3, softmax) >", "softmaxCrossEntropy")
        val run = mlp("run", file.toString(), "--out", out.toString(), "--quiet", "--no-report")
        assertEquals(2, run.exitCode, run.err)
        assertEquals(
            "$file: $.data.source.set: unknown built-in set (expected one of digits, iris, wine, breast-cancer, diabetes, linnerud, " +
                "penguins, mnist, fashion-mnist, got \"iriss\"); did you mean \"iris\"?",
            run.errLines.first(),
        )
        assertFalse(Files.exists(out))
    }
}
