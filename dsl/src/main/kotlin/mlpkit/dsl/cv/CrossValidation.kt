package mlpkit.dsl.cv

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit
import mlpkit.data.ClassLabels
import mlpkit.data.split.Fold
import mlpkit.data.split.ScikitLearnFolds
import mlpkit.dsl.Experiment
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.resolve.FoldData
import mlpkit.dsl.run.RunMetrics
import mlpkit.dsl.spec.ValidationSpec
import mlpkit.dsl.train.SeedStreams
import mlpkit.dsl.train.StopSignal
import mlpkit.dsl.train.TrainingRun

/**
 * Cross-validates an experiment with a `validation` block: loads its data once ([DataResolver.resolveForFolds]), cuts
 * the rows into scikit-learn's folds ([folds]) and trains one ordinary run per fold (the experiment without its
 * `validation` and `expect`, the same seed) on the fold's training rows, its held-out rows as the `validation` part,
 * with the scaling fitted on the fold's training rows only. At most `validation.parallelism` folds train at once
 * (a fixed number of permits, as a sweep); each fold is a fully seeded run, so the result does not depend on it.
 */
class CrossValidation(private val experiment: Experiment, private val resolver: DataResolver = DataResolver()) {
    private val spec = experiment.spec
    private val validation: ValidationSpec = requireNotNull(spec.validation) { "experiment '${spec.name}' has no validation block" }
    private val streams = SeedStreams(spec.training.seed)

    /** numpy's seed of the folds: the spec's `validation.randomState`, or one drawn from the run's seed. */
    val randomState: Long = validation.randomState ?: streams.foldsSeed

    /** The experiment's rows and test part, loaded once. */
    fun data(): FoldData = resolver.resolveForFolds(spec.data, streams.split(), streams.dataSeed)

    /** Whether the folds of [data] keep class proportions. */
    fun stratified(data: FoldData): Boolean = validation.stratified(data.targets is ClassLabels)

    /** The `cv × repeats` folds of [data]'s rows, as scikit-learn's (Repeated)(Stratified)KFold(shuffle=True, random_state) cuts them. */
    fun folds(data: FoldData): List<Fold> {
        val labels = if (stratified(data)) {
            (data.targets as? ClassLabels)?.labels
                ?: throw IllegalArgumentException("validation.stratify is true but '${data.name}' has real-valued targets: stratified folds need class labels; set stratify to false")
        } else {
            null
        }
        if (labels != null) requireEveryClassFillsTheFolds(data.targets as ClassLabels)
        return ScikitLearnFolds.repeated(data.size, validation.cv, validation.repeats, randomState, labels)
    }

    /** A stratified cross-validation puts rows of every class in every fold: each class needs at least `cv` rows. */
    private fun requireEveryClassFillsTheFolds(targets: ClassLabels) {
        val counts = IntArray(targets.classNames.size).also { c -> targets.labels.forEach { c[it]++ } }
        val smallest = counts.indices.filter { counts[it] > 0 }.minByOrNull { counts[it] } ?: return
        require(counts[smallest] >= validation.cv) {
            "validation.cv = ${validation.cv} stratified folds need at least ${validation.cv} rows of every class, but class " +
                "'${targets.classNames[smallest]}' has only ${counts[smallest]} of the ${targets.size} rows cross-validated: " +
                "use cv ≤ ${counts[smallest]}, or set validation.stratify to false"
        }
    }

    /** Trains every fold of [data] and returns their results in fold order; [onFold] hears each as it finishes. */
    suspend fun run(data: FoldData = data(), stopSignal: StopSignal? = null, onFold: suspend (FoldResult) -> Unit = {}): CvResult = coroutineScope {
        val folds = folds(data)
        val foldExperiment = Experiment(spec.copy(validation = null, expect = emptyList()), experiment.hooks, experiment.registry)
        val permits = Semaphore(validation.parallelism)
        val results = folds.map { fold ->
            async(Dispatchers.Default) {
                permits.withPermit { runFold(foldExperiment, data, fold, stopSignal) }.also { onFold(it) }
            }
        }.awaitAll()
        CvResult(results, validation.cv, validation.repeats, randomState, stratified(data), spec.training.seed)
    }

    private suspend fun runFold(foldExperiment: Experiment, data: FoldData, fold: Fold, stopSignal: StopSignal?): FoldResult {
        val resolved = data.fold(fold.train, fold.validation)
        val result = TrainingRun(foldExperiment, null, resolver, stopSignal, resolved).train()
        val indices = checkNotNull(resolved.splitIndices)
        return FoldResult(fold.number, fold.number / validation.cv, indices.train, indices.validation, result.metrics, result.epochs, RunMetrics.of(result).stopReason)
    }
}
