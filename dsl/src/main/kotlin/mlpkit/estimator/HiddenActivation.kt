package mlpkit.estimator

import mlpkit.core.activation.Activation
import mlpkit.core.activation.Identity
import mlpkit.core.activation.Relu
import mlpkit.core.activation.Sigmoid
import mlpkit.core.activation.Tanh
import mlpkit.core.init.SklearnUniform

/**
 * The choices of the hidden layers' activation (scikit-learn's `activation`), named as scikit-learn names them, with
 * mlpkit's activation for each ([activation]: logistic is mlpkit's sigmoid) and scikit-learn's initialisation
 * factor ([initFactor]: 2 for logistic, 6 otherwise, applied to every layer including the output layer).
 */
@Suppress("EnumEntryName")
enum class HiddenActivation(private val make: () -> Activation, val initFactor: Double) {
    identity({ Identity() }, SklearnUniform.GLOROT_FACTOR),
    logistic({ Sigmoid() }, SklearnUniform.LOGISTIC_FACTOR),
    tanh({ Tanh() }, SklearnUniform.GLOROT_FACTOR),
    relu({ Relu() }, SklearnUniform.GLOROT_FACTOR),
    ;

    /** mlpkit's activation of this name. */
    fun activation(): Activation = make()
}
