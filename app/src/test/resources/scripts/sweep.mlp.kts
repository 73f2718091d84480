// Ordinary Kotlin around the DSL: values, loops, a hook.
val widths = listOf(4, 8, 16)

experiment("width sweep") {
    data { classification(samples = 200, features = 4, randomState = 1); split(test = 0.25) }
    network { dense(2, tanh); dense(1, sigmoid) }
    training { loss = bce; optimizer = adam(lr = 0.01); epochs = 50; batchSize = 32 }
    onEpochEnd { report -> if (report.epoch % 10 == 0) println("epoch ${report.epoch}: ${report.trainLoss}") }
    sweep(parallelism = 2) {
        for (units in widths) variant("h=$units") { network { dense(units, tanh); dense(1, sigmoid) } }
    }
}
