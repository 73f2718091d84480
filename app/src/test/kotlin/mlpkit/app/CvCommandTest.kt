package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.double
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.ClassLabels
import mlpkit.data.random.RandomState
import mlpkit.data.split.ScikitLearnFolds
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import kotlin.math.sqrt

/** `mlp cv`, and `mlp run` / `mlp verify` / `mlp check` on an experiment with a validation block. */
class CvCommandTest {
    @TempDir
    lateinit var dir: Path

    private fun config(extra: String = "", split: String = ""): Path {
        val file = dir.resolve("iris-cv.json")
        Files.writeString(
            file,
            """
            {
              "name": "iris-cv",
              "data": { "source": { "type": "builtin", "set": "iris" }, "scaling": "standard"$split },
              "network": "network < dense(4, tanh); dense(3, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": "adam(lr=0.05)", "epochs": 6, "batchSize": 16, "seed": 3 }$extra
            }
            """.trimIndent(),
        )
        return file
    }

    private fun onlyDirectory(root: Path): Path = Files.list(root).use { s -> s.filter { Files.isDirectory(it) }.toList().single() }

    @Test
    fun `mlp cv --folds 5 prints the per-fold table with mean and std and writes cv json with scikit-learn's folds and the report`() {
        val out = dir.resolve("runs")
        val run = mlp("cv", config().toString(), "--folds", "5", "--out", out.toString(), "--quiet")
        assertEquals(0, run.exitCode, run.out + run.err)
        val header = run.outLines.indexOfFirst { it.startsWith("fold ") }
        assertTrue(header >= 0 && "validation_accuracy" in run.outLines[header], run.out)
        assertEquals(listOf("1", "2", "3", "4", "5", "mean", "std"), run.outLines.subList(header + 1, header + 8).map { it.substringBefore(' ') })
        val runDirectory = onlyDirectory(out)
        val cv = Json.parseToJsonElement(Files.readString(runDirectory.resolve("cv.json"))).jsonObject
        assertEquals(5, cv.getValue("cv").jsonPrimitive.int)
        val randomState = cv.getValue("randomState").jsonPrimitive.long
        val folds = cv.getValue("folds").jsonArray.map { it.jsonObject }
        assertEquals(5, folds.size)
        val labels = (BuiltInSets.get("iris").load().targets as ClassLabels).labels
        val expected = ScikitLearnFolds.stratifiedKFold(labels, 5, RandomState(randomState))
        folds.forEachIndexed { f, fold ->
            assertEquals(expected[f].validation.toList(), fold.getValue("heldOut").jsonArray.map { it.jsonPrimitive.int })
        }
        val accuracies = folds.map { it.getValue("metrics").jsonObject.getValue("validation_accuracy").jsonPrimitive.double }
        val mean = accuracies.sum() / 5
        assertEquals(mean, cv.getValue("mean").jsonObject.getValue("validation_accuracy").jsonPrimitive.double, 1e-15)
        assertEquals(sqrt(accuracies.sumOf { (it - mean) * (it - mean) } / 5), cv.getValue("stdev").jsonObject.getValue("validation_accuracy").jsonPrimitive.double, 1e-15)
        assertTrue(Files.isRegularFile(runDirectory.resolve("cv.png")))
        val report = Files.readString(runDirectory.resolve("report.html"))
        assertTrue("Held-out score per fold" in report && "cv.png" in report && "population standard deviation" in report)
        assertFalse(Files.exists(runDirectory.resolve("model.json")), "cross_validate keeps no model unless --refit")
    }

    @Test
    fun `mlp verify on a validation block checks cv_ expectations and --refit writes a model`() {
        val file = config(""", "validation": {"cv": 3, "randomState": 0}, "expect": [{"metric": "cv_validation_accuracy", "atLeast": 0.99}]""")
        val verify = mlp("verify", file.toString(), "--out", dir.resolve("v").toString(), "--quiet", "--no-report")
        assertEquals(1, verify.exitCode, verify.out + verify.err)
        assertTrue(verify.outLines.any { "cv_validation_accuracy" in it && "FAIL" in it }, verify.out)
        val refit = mlp("cv", file.toString(), "--refit", "--out", dir.resolve("r").toString(), "--quiet", "--no-report")
        assertEquals(0, refit.exitCode, refit.out + refit.err)
        val refitDirectory = onlyDirectory(onlyDirectory(dir.resolve("r")))
        assertTrue(refitDirectory.fileName.toString().startsWith("refit-"))
        assertTrue(Files.isRegularFile(refitDirectory.resolve("model.json")))
    }

    @Test
    fun `mlp check explains the fold sizes and too many stratified folds name the smallest class and exit 2`() {
        val file = config(""", "validation": {"cv": 4, "randomState": 0}""", """, "split": {"test": 0.2, "stratify": true}""")
        val check = mlp("check", file.toString())
        assertTrue(check.outLines.contains(
            "cross-validation: 4 stratified folds of 120 rows (randomState 0): held out 30, 30, 30, 30; trained on 90 rows each; every fold is tested on the 30 test rows",
        ), check.out + check.err)
        val tooMany = mlp("cv", file.toString(), "--folds", "41", "--out", dir.resolve("x").toString())
        assertEquals(2, tooMany.exitCode, tooMany.out + tooMany.err)
        assertTrue("but class 'setosa' has only 40 of the 120 rows cross-validated: use cv ≤ 40" in tooMany.err, tooMany.err)
        assertFalse(Files.exists(dir.resolve("x")), "nothing is written for a cross-validation that cannot run")
        val noFolds = mlp("cv", config().toString())
        assertEquals(2, noFolds.exitCode)
        assertTrue("pass --folds 5" in noFolds.err, noFolds.err)
    }
}
