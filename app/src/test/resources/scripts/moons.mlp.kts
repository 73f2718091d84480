// Two moons, as in the README: no imports needed.
experiment("moons") {
    data { moons(samples = 100, noise = 0.1, randomState = 0) }
    network { dense(10, relu, weights = heNormal); dense(2, softmax) }
    training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 300; batchSize = full }
    expect { trainAccuracy atLeast 0.97 }
}
