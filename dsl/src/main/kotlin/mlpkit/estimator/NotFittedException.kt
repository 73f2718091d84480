package mlpkit.estimator

/** A prediction, score or attribute asked of an estimator before `fit` (scikit-learn's `NotFittedError`, in its words). */
class NotFittedException(message: String) : IllegalStateException(message)
