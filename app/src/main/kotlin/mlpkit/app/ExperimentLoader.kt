package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.app.script.ScriptHost
import mlpkit.dsl.Experiment
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.ExperimentFiles

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

    /** Strict: every problem of the file is reported, one line each (`FILE: $.path: …`), and nothing runs. */
    private fun loadJson(path: Path) = try {
        ExperimentFiles.loadJson(path)
    } catch (e: ConfigException) {
        throw InvalidInput(e.problems.joinToString("\n") { it.message ?: "" })
    }
}
