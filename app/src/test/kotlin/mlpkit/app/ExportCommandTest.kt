package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.onnx.OnnxGraph
import mlpkit.core.onnx.OnnxRuntimeRun
import mlpkit.data.table.RawTable
import mlpkit.dsl.model.Model
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp export MODEL --onnx OUT.onnx [--double]`: what it writes, and what it refuses (exit 2, one line, no file). */
class ExportCommandTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `export of a run directory writes the file ONNX Runtime runs to predict's outputs, in float32 and with --double in float64`() {
        val runDir = trained()
        val model = Model.load(runDir.resolve("model.json"))
        val rows = arrayOf(doubleArrayOf(0.5, 1.5), doubleArrayOf(-3.0, 7.0), doubleArrayOf(1.0, 1.0))
        for ((flags, precision) in listOf(emptyList<String>() to OnnxGraph.Precision.FLOAT32, listOf("--double") to OnnxGraph.Precision.FLOAT64)) {
            val target = dir.resolve("blobs-$precision.onnx")
            val run = mlp("export", runDir.toString(), "--onnx", target.toString(), *flags.toTypedArray())
            assertEquals(0, run.exitCode, run.err)
            val type = if (precision == OnnxGraph.Precision.FLOAT32) "float32" else "float64"
            assertEquals(listOf("wrote $target: ONNX opset 17, input [batch, 2] -> output [batch, 3], $type"), run.outLines)
            val bytes = Files.readAllBytes(target)
            assertArrayEquals(model.onnxBytes(precision), bytes, "the run directory stands for its model.json")
            val fed = if (precision == OnnxGraph.Precision.FLOAT32) OnnxRuntimeRun.roundedToFloat(rows) else rows
            val tolerance = if (precision == OnnxGraph.Precision.FLOAT32) 1e-5 else 1e-12
            OnnxRuntimeRun.assertClose(model.predict(DenseMatrix.of(fed)), OnnxRuntimeRun.run(bytes, fed, precision, 2, 3), tolerance, type)
        }
        assertEquals(
            mapOf(
                "mlpkit.notation" to "network < dense(6, tanh); dense(3, softmax) >",
                "mlpkit.targetEncoding" to "ONE_HOT",
                "mlpkit.input" to "raw feature rows (the input scaling is in the graph)",
                "mlpkit.classNames" to """["0","1","2"]""",
            ),
            OnnxRuntimeRun.metadata(model.onnxBytes()),
        )
    }

    @Test
    fun `a model with an activation of the user's own is refused with exit 2 and one line naming it, and nothing is written`() {
        // A model file naming swish2, an activation defined in a script (OwnConceptsTest trains one): mlp has no
        // definition of it, so neither predict nor export can read it (code that has it gets Model.toOnnx's refusal).
        val model = dir.resolve("own.json")
        Files.writeString(model, Files.readString(trained().resolve("model.json")).replace("dense(6, tanh)", "dense(6, swish2)"))
        val target = dir.resolve("own.onnx")
        val export = mlp("export", model.toString(), "--onnx", target.toString())
        assertEquals(ExitCode.INVALID_INPUT, export.exitCode, export.out + export.err)
        assertEquals(1, export.errLines.size, export.err)
        assertTrue(export.err.startsWith("mlp export: $model: ") && export.err.contains("swish2"), export.err)
        assertFalse(Files.exists(target))
    }

    @Test
    fun `an OUT onnx that cannot be written and a directory without a model are one line each with exit 2`() {
        val runDir = trained()
        val blocker = dir.resolve("a-file").also { Files.writeString(it, "x") }
        val target = blocker.resolve("model.onnx")
        val unwritable = mlp("export", runDir.toString(), "--onnx", target.toString())
        assertEquals(ExitCode.INVALID_INPUT, unwritable.exitCode, unwritable.err)
        assertEquals(1, unwritable.errLines.size, unwritable.err)
        assertTrue(unwritable.err.startsWith("mlp export: $target: cannot write (") && unwritable.err.trim().endsWith("or choose another --onnx"), unwritable.err)

        val empty = Files.createDirectory(dir.resolve("empty"))
        val noModel = mlp("export", empty.toString(), "--onnx", dir.resolve("x.onnx").toString())
        assertEquals(ExitCode.INVALID_INPUT, noModel.exitCode)
        assertEquals(
            listOf("mlp export: $empty: a directory without model.json: give a model.json written by mlp run, or a run directory (runs/<name>-<time>/) that holds one"),
            noModel.errLines,
        )
        assertFalse(Files.exists(dir.resolve("x.onnx")))

        // A cross-validation's directory (cv.json, spec.json): its folds keep no model, its refit run has one.
        val cv = Files.createDirectory(dir.resolve("cv"))
        Files.writeString(cv.resolve("cv.json"), "{}")
        Files.writeString(cv.resolve("spec.json"), "{}")
        val folds = mlp("export", cv.toString(), "--onnx", dir.resolve("x.onnx").toString())
        assertEquals(
            listOf(
                "mlp export: $cv: a directory without model.json: it is a cross-validation's directory, whose folds keep no model: " +
                    "run 'mlp cv FILE --refit', which trains one on all the rows into refit-<time>/",
            ),
            folds.errLines,
        )
        val refit = Files.createDirectories(cv.resolve("refit-20261207-101500"))
        Files.copy(runDir.resolve("model.json"), refit.resolve("model.json"))
        val withRefit = mlp("export", cv.toString(), "--onnx", dir.resolve("x.onnx").toString())
        assertEquals(
            listOf("mlp export: $cv: a directory without model.json: it is a cross-validation's directory, whose folds keep no model: give its refit run, $refit"),
            withRefit.errLines,
        )
        assertEquals(ExitCode.INVALID_INPUT, withRefit.exitCode)
        assertEquals(0, mlp("export", refit.toString(), "--onnx", dir.resolve("x.onnx").toString()).exitCode)
    }

    @Test
    fun `export of a table model takes one input per column, named and typed on the line written, and gives predict's outputs on raw rows`() {
        val runDir = trainedOnTable()
        val model = Model.load(runDir.resolve("model.json"))
        val target = dir.resolve("table.onnx")
        val run = mlp("export", runDir.toString(), "--onnx", target.toString())
        assertEquals(0, run.exitCode, run.err)
        assertEquals(
            listOf(
                "wrote $target: ONNX opset 17, 3 inputs [batch, 1], one per table column (island: string, " +
                    "body_mass__g_ for 'body mass (g)': float32, year: float32; the column pipeline is in the graph) -> output [batch, 2], float32",
            ),
            run.outLines,
        )
        val metadata = OnnxRuntimeRun.metadata(Files.readAllBytes(target))
        assertEquals("""{"island":"island","body mass (g)":"body_mass__g_","year":"year"}""", metadata["mlpkit.inputNames"])
        assertEquals("""["island=Biscoe","island=Dream","body mass (g)","year"]""", metadata["mlpkit.featureNames"])
        // A missing island (filled with the most frequent, Biscoe) and a missing mass (filled with the mean).
        val rows = RawTable.of(listOf("island", "body mass (g)", "year"), listOf(listOf("Dream", "4000", "2008"), listOf("NA", "3500", "2009"), listOf("Biscoe", "NA", "2007")))
        val columns = linkedMapOf<String, Any>(
            "island" to arrayOf("Dream", "NA", "Biscoe"),
            "body_mass__g_" to doubleArrayOf(4000.0, 3500.0, Double.NaN),
            "year" to doubleArrayOf(2008.0, 2009.0, 2007.0),
        )
        OnnxRuntimeRun.assertClose(model.predict(rows), OnnxRuntimeRun.runColumns(Files.readAllBytes(target), columns, OnnxGraph.Precision.FLOAT32, 2), 1e-5, "table")
    }

    private fun trainedOnTable(): Path {
        val csv = dir.resolve("islands.csv")
        Files.writeString(
            csv,
            "island,body mass (g),year,species\n" + listOf(
                "Biscoe,5000,2007,big", "Biscoe,4800,2008,big", "Dream,3400,2009,small", "Dream,NA,2007,small", "NA,5200,2008,big",
                "Biscoe,4600,2009,big", "Dream,3600,2008,small", "Dream,3300,2007,small", "Biscoe,NA,2009,big", "Dream,3500,2009,small",
            ).joinToString("\n") + "\n",
        )
        return trainedRun(
            dir.resolve("islands.json"),
            """{ "name": "islands", "data": { "source": { "type": "csv", "train": "islands.csv", "label": "species",
                   "columns": { "island": { "categorical": true, "missing": "mostFrequent" }, "body mass (g)": { "missing": "mean" } } }, "scaling": "standard" },
               "network": "network < dense(4, tanh); dense(2, softmax) >",
               "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 3, "batchSize": 4, "seed": 3 } }""",
            dir.resolve("table-runs"),
        )
    }

    private fun trained(): Path {
        return trainedRun(
            dir.resolve("blobs.json"),
            """{ "name": "blobs", "data": { "source": { "type": "generator", "generator": "make_blobs", "params": { "n_samples": 60, "centers": 3, "random_state": 4 } }, "scaling": "standard" },
               "network": "network < dense(6, tanh); dense(3, softmax) >",
               "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 3, "batchSize": 16, "seed": 3 } }""",
            dir.resolve("runs"),
        )
    }
}
