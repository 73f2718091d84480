package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import kotlinx.serialization.SerializationException
import mlpkit.app.script.ScriptHost
import mlpkit.dsl.Experiment
import mlpkit.dsl.spec.SpecJson

/** Reads an experiment file: a JSON config (`*.json`) or a Kotlin script (`*.mlp.kts`). */
object ExperimentLoader {
    fun load(path: Path): Experiment {
        if (!Files.isRegularFile(path)) {
            throw InvalidInput("mlp: $path: no such file (give an experiment as FILE.json or FILE.mlp.kts)")
        }
        val name = path.fileName.toString()
        return when {
            name.endsWith(".json") -> Experiment(loadJson(path))
            name.endsWith(".mlp.kts") -> ScriptHost().load(path)
            else -> throw InvalidInput("mlp: $path: not an experiment file (expected a name ending in .json or .mlp.kts)")
        }
    }

    private fun loadJson(path: Path) = try {
        SpecJson.decode(Files.readString(path))
    } catch (e: SerializationException) {
        throw InvalidInput("$path: ${e.message?.lineSequence()?.first()}")
    }
}
