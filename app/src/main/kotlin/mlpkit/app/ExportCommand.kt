package mlpkit.app

import mlpkit.app.ModelArgument.allowDivergedOption
import mlpkit.app.ModelArgument.modelArgument

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.options.required
import com.github.ajalt.clikt.parameters.types.path
import java.io.PrintStream
import mlpkit.core.onnx.OnnxExport
import mlpkit.core.onnx.OnnxGraph
import mlpkit.data.io.CannotWriteException
import mlpkit.data.table.FittedColumn

/**
 * `mlp export MODEL --onnx OUT.onnx [--double] [--allow-diverged]`: writes the trained model as an ONNX file
 * (opset [OnnxGraph.OPSET], docs/onnx.md) that gives `mlp predict`'s numbers: the stored input scaling in front, every
 * layer's inference form, a regression's target scaling undone behind; input `input`, output `output`, both
 * [batch, n], in float32 or with `--double` float64. A model trained on a table takes instead one input per column
 * ([batch, 1]: numbers, or strings for a categorical column), its column pipeline in the graph, and the line written
 * names them with their types. MODEL is a model.json or a run directory ([ModelArgument]). A model with a part that has no ONNX form (an activation of the user's own), a diverged run's model without
 * `--allow-diverged`, or an OUT.onnx that cannot be written is one line on stderr and exit 2, and no file is written
 * (the file appears whole or not at all).
 */
class ExportCommand(private val out: PrintStream) : CliktCommand(name = "export") {
    private val modelFile by modelArgument()
    private val onnx by option("--onnx", metavar = "OUT.onnx", help = "write the model here as ONNX (atomically)").path().required()
    private val double by option("--double", help = "float64 tensors (default: float32)").flag()
    private val allowDiverged by allowDivergedOption("export")

    override fun help(context: Context) = "Write a trained model as an ONNX file (input scaling or a table's column pipeline, and target scaling, included)."

    override fun run() = asInvalidInput("export") {
        val model = ModelArgument.load(modelFile, "export", allowDiverged, then = "export its model")
        val precision = if (double) OnnxGraph.Precision.FLOAT64 else OnnxGraph.Precision.FLOAT32
        try {
            model.toOnnx(onnx, precision)
        } catch (e: CannotWriteException) {
            throw InvalidInput("mlp export: ${e.withElsewhere("choose another --onnx")}")
        }
        val type = if (double) "float64" else "float32"
        val pipeline = model.file.pipeline
        val inputs = if (pipeline == null) {
            "${OnnxExport.INPUT} [batch, ${model.inputSize}]"
        } else {
            "${pipeline.columns.size} inputs [batch, 1], one per table column (" +
                pipeline.columns.zip(pipeline.onnxInputNames).joinToString(", ") { (column, name) ->
                    (if (name == column.name) name else "$name for '${column.name}'") + ": " + if (column is FittedColumn.Categorical) "string" else type
                } + "; the column pipeline is in the graph)"
        }
        out.println("wrote $onnx: ONNX opset ${OnnxGraph.OPSET}, $inputs -> ${OnnxExport.OUTPUT} [batch, ${model.outputSize}], $type")
    }
}
