package mlpkit.dsl.model

/**
 * Class probabilities or classes asked of a model trained for regression ([Model.predictProba],
 * [Model.predictClasses]): such a model has real-valued outputs and no classes. An [IllegalStateException]
 * (the model is in the wrong state for the call), of its own type so that callers can tell it from a bug.
 */
class NotAClassifierException(val what: String, val notation: String) : IllegalStateException(
    "$what needs a classifier, but '$notation' was trained for regression (real-valued outputs), so it has no classes " +
        "or class probabilities: use predict",
)
