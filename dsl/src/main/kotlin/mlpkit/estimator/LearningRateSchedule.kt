package mlpkit.estimator

/** The choices of how the SGD learning rate changes (scikit-learn's learning_rate); the names are scikit-learn's strings. */
@Suppress("EnumEntryName")
enum class LearningRateSchedule { constant, invscaling, adaptive }
