// An activation and a loss of the script's own, used like built-in ones (a regression on make_regression).
import kotlin.math.exp

val swish2 = activation("swish2", f = { z -> z / (1 + exp(-z)) }, df = { z ->
    val s = 1 / (1 + exp(-z))
    s + z * s * (1 - s)
})
val logCosh = loss("logCosh", value = { a, y -> kotlin.math.ln(kotlin.math.cosh(a - y)) }, gradient = { a, y -> kotlin.math.tanh(a - y) })

experiment("own-concepts") {
    data { regression(samples = 80, features = 3, noise = 0.1, randomState = 1); scaling = standard }
    network { dense(8, swish2); dense(1, identity) }
    training { loss = logCosh; optimizer = adam(lr = 0.01); epochs = 30; batchSize = 16; seed = 0 }
}
