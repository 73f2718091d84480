package mlpkit.estimator

/** The choices of the weight optimisation algorithm (scikit-learn's solver); the names are scikit-learn's strings. */
@Suppress("EnumEntryName")
enum class Solver { lbfgs, sgd, adam }
