package mlpkit.dsl

import java.nio.file.Path
import mlpkit.core.concept.Registry
import mlpkit.core.network.NetworkSpec
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.cv.CrossValidation
import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.model.Model
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.train.TrainingEvent
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import java.util.function.Consumer

/**
 * The experiment API for Java callers, as static methods; no JSON in or out unless asked for:
 * ```java
 * ExperimentSpec spec = new ExperimentSpec("moons",
 *         new DataSpec(DataSource.generator("make_moons", Map.of("n_samples", 100, "noise", 0.1, "random_state", 0))),
 *         NetworkSpec.of(new Dense.Spec(10, new Relu()), new Dense.Spec(2, new Softmax())),
 *         TrainingSpec.builder().loss(new SoftmaxCrossEntropy()).optimizer(Sgd.CONCEPT.create(Map.of("lr", 0.5)))
 *                 .epochs(300).batchSize(BatchSizeSpec.full()).build());
 * TrainingResult result = Experiments.fit(spec, new TrainingListener() {
 *     public void onEpochEnd(EpochReport epoch) { System.out.println(epoch); }
 * });
 * int[] classes = result.getModel().predictClasses(x);
 * ```
 * From Kotlin, `Experiments.fit(experiment("moons") { … })`, or `experiment("moons") { … }.fit()`.
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
    fun network(notation: String): NetworkSpec = NetworkSpec.parse(notation)

    /**
     * [spec] checked as a JSON file would be (every problem with its path, the experiment's name as the source),
     * with the registry of the concepts it uses.
     */
    @JvmStatic
    fun experiment(spec: ExperimentSpec): Experiment {
        val experiment = Experiment(spec)
        mlpkit.dsl.config.SpecValidation.requireValid(spec, spec.name, experiment.registry)
        return experiment
    }

    /** Trains [spec] to the end on the calling thread and returns the result (model, history, metrics). */
    @JvmStatic
    fun fit(spec: ExperimentSpec): TrainingResult = TrainingRun(experiment(spec)).fit()

    /**
     * Trains [experiment] (what the Kotlin `experiment("name") { … }` builder returns, already checked, with its
     * `onEpochEnd` hooks and the registry of its own concepts) to the end on the calling thread.
     */
    @JvmStatic
    fun fit(experiment: Experiment): TrainingResult = TrainingRun(experiment).fit()

    /** Trains [spec] on the calling thread, telling [listener] about every epoch and the end; returns the result. */
    @JvmStatic
    fun fit(spec: ExperimentSpec, listener: TrainingListener): TrainingResult = fit(experiment(spec), listener)

    /** Trains [experiment] on the calling thread, telling [listener] about every epoch and the end. */
    @JvmStatic
    fun fit(experiment: Experiment, listener: TrainingListener): TrainingResult =
        TrainingRun(experiment).fit(Consumer { event -> listener.on(event) })

    /**
     * Cross-validates [spec] (it needs a `validation` block, see [mlpkit.dsl.spec.ValidationSpec]) on the calling thread:
     * every fold's metrics, and per metric the folds' mean (`cv_m`) and population standard deviation (`cv_m_std`).
     */
    @JvmStatic
    fun crossValidate(spec: ExperimentSpec): CvResult = crossValidate(experiment(spec))

    /** Cross-validates [experiment] (built with `experiment("name") { …; cv(5) }`) on the calling thread; see the overload above. */
    @JvmStatic
    fun crossValidate(experiment: Experiment): CvResult = kotlinx.coroutines.runBlocking { CrossValidation(experiment).run() }

    /** A model file written by a run (built-in concepts). */
    @JvmStatic
    fun loadModel(path: Path): Model = Model.load(path)

    /** A model file written by a run whose concepts [registry] holds (a user's own activation among them). */
    @JvmStatic
    fun loadModel(path: Path, registry: Registry): Model = Model.load(path, registry)
}

/**
 * What a Java caller hears from a training run, on the calling thread: each epoch's report, then the end.
 * Plain methods (no coroutines); override the ones you need.
 */
interface TrainingListener {
    /** Epoch [epoch] is over (its number, training loss and metrics). */
    fun onEpochEnd(epoch: EpochReport) {}

    /** The run ended; [event] holds why and the result. */
    fun onStopped(event: TrainingEvent.Stopped) {}

    /** Dispatches [event] to the method above. */
    fun on(event: TrainingEvent) {
        when (event) {
            is TrainingEvent.EpochEnd -> onEpochEnd(EpochReport(event.epoch, event.trainLoss, event.metrics))
            is TrainingEvent.Stopped -> onStopped(event)
        }
    }
}
