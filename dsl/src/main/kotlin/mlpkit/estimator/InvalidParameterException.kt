package mlpkit.estimator

/**
 * A parameter name an estimator does not have, or a value outside a parameter's range, in scikit-learn's words
 * (its `InvalidParameterError` and `set_params`' `ValueError`), so that a message can be searched for as is.
 */
class InvalidParameterException(message: String) : IllegalArgumentException(message)
