@file:JvmName("Estimators")

package mlpkit.estimator

/**
 * scikit-learn's `clone`: a new, unfitted estimator of the same class with the same parameters (read with
 * [MlpEstimator.getParams], set with [MlpEstimator.set], so a parameter added to [MlpParams] is carried too) and the
 * same table [MlpEstimator.columns] options (a fit on a table then fits its own column pipeline).
 * Cross-validation and search fit clones, never the estimator they were given.
 */
fun <S : MlpEstimator<S>> clone(estimator: S): S {
    @Suppress("UNCHECKED_CAST")
    val fresh = when (estimator as MlpEstimator<*>) {
        is MlpClassifier -> MlpClassifier() as S
        is MlpRegressor -> MlpRegressor() as S
        else -> throw IllegalArgumentException("clone knows MlpClassifier and MlpRegressor, got ${estimator.javaClass.name}")
    }
    estimator.getParams().forEach { (name, value) -> fresh.set(name, value) }
    fresh.columns = estimator.columns
    return fresh
}

/** A clone of [estimator] with [params] (scikit-learn names) set on top of its own. */
internal fun <S : MlpEstimator<S>> cloneWith(estimator: S, params: Map<String, Any?>): S =
    clone(estimator).also { fresh -> params.forEach { (name, value) -> fresh.set(name, value) } }
