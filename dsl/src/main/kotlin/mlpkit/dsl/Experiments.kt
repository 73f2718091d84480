package mlpkit.dsl

import java.nio.file.Path
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.model.Model
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.NetworkConfig
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun

/**
 * The experiment API for Java callers, as static methods:
 * ```java
 * ExperimentSpec spec = Experiments.load(Path.of("examples/moons.json"));
 * TrainingResult result = Experiments.fit(spec);
 * int[] classes = result.getModel().predictClasses(x);
 * ```
 */
object Experiments {
    /** A JSON experiment file, strictly checked (a [mlpkit.dsl.config.ConfigException] names the path of each problem). */
    @JvmStatic
    fun load(path: Path): ExperimentSpec = ExperimentFiles.loadJson(path)

    /** A JSON experiment from text; [source] names it in error messages. */
    @JvmStatic
    fun parse(json: String, source: String): ExperimentSpec = ExperimentFiles.parseJson(json, source)

    /** The experiment as JSON (the inverse of [parse]). */
    @JvmStatic
    fun toJson(spec: ExperimentSpec): String = SpecJson.encode(spec)

    /** A network from its notation, e.g. `network < dense(10, relu); dense(2, softmax) >`. */
    @JvmStatic
    fun network(notation: String): NetworkConfig = NetworkConfig.parse(notation)

    /** Trains [spec] to the end on the calling thread and returns the result (model, history, metrics). */
    @JvmStatic
    fun fit(spec: ExperimentSpec): TrainingResult = TrainingRun.of(spec).fit()

    /** A model file written by a run. */
    @JvmStatic
    fun loadModel(path: Path): Model = Model.load(path)
}
