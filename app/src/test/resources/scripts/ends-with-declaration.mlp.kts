val moons = experiment("moons") {
    data { moons(samples = 100) }
    network { dense(10, relu); dense(2, softmax) }
    training { loss = softmaxCrossEntropy }
}
