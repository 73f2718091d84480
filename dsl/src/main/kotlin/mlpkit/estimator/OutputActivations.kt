package mlpkit.estimator

import mlpkit.core.activation.Activation
import mlpkit.core.activation.Identity
import mlpkit.core.activation.Sigmoid
import mlpkit.core.activation.Softmax

/** The output activations scikit-learn's MLPs use (`out_activation_`), by its names, as mlpkit's activations. */
internal object OutputActivations {
    /** One logistic unit: a binary classifier's. */
    const val LOGISTIC = "logistic"

    /** Softmax over the classes: a multiclass classifier's. */
    const val SOFTMAX = "softmax"

    /** The identity: a regressor's. */
    const val IDENTITY = "identity"

    private val byName: Map<String, () -> Activation> = mapOf(LOGISTIC to { Sigmoid() }, SOFTMAX to { Softmax() }, IDENTITY to { Identity() })

    /** mlpkit's activation for scikit-learn's [name]. */
    fun named(name: String): Activation = byName[name]?.invoke()
        ?: throw IllegalArgumentException("out_activation_ is one of ${byName.keys.joinToString(", ")}, got '$name': the model file is damaged")
}
