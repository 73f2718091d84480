package mlpkit.dsl

import java.util.function.DoubleBinaryOperator
import java.util.function.DoubleUnaryOperator
import mlpkit.core.activation.Activation
import mlpkit.core.loss.Loss
import mlpkit.core.loss.UserLoss

/**
 * An activation of your own, usable as `dense(8, swish2)` like a built-in one: [f] and its derivative [df]
 * with respect to z. The experiment that uses it carries its definition; a model file names it, and
 * loading that file needs the definition again (`Model.load(path, Registry.builtIns().with(swish2.concept()))`).
 *
 * ```
 * val swish2 = activation("swish2", f = { z -> z / (1 + exp(-z)) }, df = { z -> val s = 1 / (1 + exp(-z)); s + z * s * (1 - s) })
 * ```
 */
fun activation(name: String, f: (Double) -> Double, df: (Double) -> Double): Activation =
    Activation.of(name, DoubleUnaryOperator { f(it) }, DoubleUnaryOperator { df(it) })

/**
 * A loss of your own: [value] h(ŷ, y) of one output and its target, and its [gradient] ∂h/∂ŷ; the
 * per-sample loss is the mean of h over the outputs (as `mse`). Usable as `loss = quartic`.
 */
fun loss(name: String, value: (Double, Double) -> Double, gradient: (Double, Double) -> Double): Loss =
    UserLoss.of(name, DoubleBinaryOperator { a, y -> value(a, y) }, DoubleBinaryOperator { a, y -> gradient(a, y) })
