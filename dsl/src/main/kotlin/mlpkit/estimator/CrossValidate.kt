@file:JvmName("CrossValidation")

package mlpkit.estimator

import mlpkit.data.split.Fold
import mlpkit.data.split.ScikitLearnFolds
import mlpkit.data.table.RawTable

/**
 * scikit-learn's `cross_validate(estimator, X, y, cv=folds)` for integer class labels: for each fold a [clone] of
 * [estimator] (fresh, unfitted, same parameters) is fitted on the fold's training rows and scored on its held-out
 * rows with [scoring] (the estimator's own `score` by default: accuracy). The folds are unshuffled
 * `StratifiedKFold(folds)`, as `cv=folds` gives a classifier; with [repeats] > 1 they are scikit-learn's
 * `RepeatedStratifiedKFold(folds, repeats, random_state=seed)` (seed 0 when null; `RepeatedKFold` for a regressor),
 * fold for fold. A clone whose `random_state` is None gets [seed] (when given), so that the figures are
 * reproducible. At most [nJobs] fits run at once; the results do not depend on it. The [estimator] itself is not fitted.
 */
@JvmOverloads
fun crossValidate(
    estimator: MlpClassifier, x: Array<DoubleArray>, y: IntArray, folds: Int = FoldSplitter.DEFAULT_FOLDS, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(x, y), splitter(folds, repeats, seed), 1, seed, scoring, nJobs)

/** [crossValidate] with string class labels. */
@JvmOverloads
fun crossValidate(
    estimator: MlpClassifier, x: Array<DoubleArray>, y: Array<String>, folds: Int = FoldSplitter.DEFAULT_FOLDS, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(x, y), splitter(folds, repeats, seed), 1, seed, scoring, nJobs)

/** [crossValidate] for a regressor with one target per row: unshuffled `KFold(folds)`, scored by R² by default. */
@JvmOverloads
fun crossValidate(
    estimator: MlpRegressor, x: Array<DoubleArray>, y: DoubleArray, folds: Int = FoldSplitter.DEFAULT_FOLDS, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(x, y), splitter(folds, repeats, seed), 1, seed, scoring, nJobs)

/** [crossValidate] for a regressor with several targets per row (R² averaged over the outputs by default). */
@JvmOverloads
fun crossValidate(
    estimator: MlpRegressor, x: Array<DoubleArray>, ys: Array<DoubleArray>, folds: Int = FoldSplitter.DEFAULT_FOLDS, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(x, ys), splitter(folds, repeats, seed), 1, seed, scoring, nJobs)

/**
 * [crossValidate] on a [table] with the classes in column [label]: each fold's clone fits its own column pipeline
 * ([MlpEstimator.columns]) on the fold's training rows only and reads the held-out rows through it, as a scikit-learn
 * `Pipeline(ColumnTransformer, MLPClassifier)` in `cross_validate` does. Folds are stratified by the label.
 */
@JvmOverloads
fun crossValidate(
    estimator: MlpClassifier, table: RawTable, label: String, folds: Int = FoldSplitter.DEFAULT_FOLDS, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(table, label, estimator), splitter(folds, repeats, seed), 1, seed, scoring, nJobs)

/** [crossValidate] of a regressor on a [table] with the numeric target in column [label] (unshuffled `KFold`, R²). */
@JvmOverloads
fun crossValidate(
    estimator: MlpRegressor, table: RawTable, label: String, folds: Int = FoldSplitter.DEFAULT_FOLDS, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(table, label, estimator), splitter(folds, repeats, seed), 1, seed, scoring, nJobs)

/**
 * [crossValidate] with folds of one's own ([cv], e.g. `FoldSplitter.stratifiedKFold(5, shuffle = true, randomState =
 * 0)`, scikit-learn's `cv=StratifiedKFold(5, shuffle=True, random_state=0)`): [cv] is called [repeats] times, before
 * any fit.
 */
@JvmOverloads
fun <S : MlpEstimator<S>> crossValidate(
    estimator: S, x: Array<DoubleArray>, y: IntArray, cv: FoldSplitter, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(x, y), cv, repeats, seed, scoring, nJobs)

/** [crossValidate] of a regressor with folds of one's own ([cv], e.g. `FoldSplitter.unstratifiedKFold(5, shuffle = true, randomState = 0)`). */
@JvmOverloads
fun crossValidate(
    estimator: MlpRegressor, x: Array<DoubleArray>, y: DoubleArray, cv: FoldSplitter, seed: Long? = null,
    scoring: Scoring = Scoring.DEFAULT, repeats: Int = 1, nJobs: Int = 1,
): CrossValidationResult = crossValidate(estimator, Supervised.of(x, y), cv, repeats, seed, scoring, nJobs)

/**
 * The default folds, all drawn by one call: scikit-learn's `cv=folds` (unshuffled) once; when repeated, scikit-learn's
 * `RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)` for class labels and `RepeatedKFold`
 * for real targets (seed 0 when null), fold for fold.
 */
internal fun splitter(folds: Int, repeats: Int, seed: Long?): FoldSplitter =
    if (repeats == 1) FoldSplitter.kFold(folds) else FoldSplitter { rows, labels -> ScikitLearnFolds.repeated(rows, folds, repeats, seed ?: 0L, labels) }

/** The folds of [repeats] calls of [splitter] over [data], in order (drawn before any fit, so parallelism cannot change them). */
internal fun foldsOf(data: Supervised, splitter: FoldSplitter, repeats: Int): List<Fold> {
    require(repeats >= 1) { "repeats must be at least 1 (how many times the k-fold is drawn), got $repeats" }
    return (0 until repeats).flatMap { splitter.split(data.rows, data.stratifyBy) }
}

/** One fit of a clone on a fold's training rows and its score on the held-out rows. */
internal class FoldOutcome(val score: Double, val fitSeconds: Double, val scoreSeconds: Double)

/** Fits a clone of [estimator] with [params] on [fold]'s training rows and scores it on its held-out rows. */
internal fun <S : MlpEstimator<S>> fitAndScore(
    estimator: S, params: Map<String, Any?>, seed: Long?, data: Supervised, fold: Fold, scoring: Scoring,
): FoldOutcome {
    val fresh = cloneWith(estimator, params)
    if (fresh.randomState == null && seed != null) fresh.randomState = seed
    val started = System.nanoTime()
    data.fit(fresh, fold.train)
    val fitted = System.nanoTime()
    val score = data.score(fresh, fold.validation, scoring)
    return FoldOutcome(score, (fitted - started) / 1e9, (System.nanoTime() - fitted) / 1e9)
}

internal fun <S : MlpEstimator<S>> crossValidate(
    estimator: S, data: Supervised, splitter: FoldSplitter, repeats: Int, seed: Long?, scoring: Scoring, nJobs: Int,
): CrossValidationResult {
    val folds = foldsOf(data, splitter, repeats)
    val outcomes = runBounded(folds.size, nJobs) { i -> fitAndScore(estimator, emptyMap(), seed, data, folds[i], scoring) }
    return CrossValidationResult(
        DoubleArray(outcomes.size) { outcomes[it].score },
        DoubleArray(outcomes.size) { outcomes[it].fitSeconds },
        DoubleArray(outcomes.size) { outcomes[it].scoreSeconds },
        folds,
        scoring,
    )
}
