// Article 002 (E2): two moons, 2 → 10 relu → 2 softmax with He initialisation, softmax cross-entropy
// from the logits, full-batch SGD at lr 0.5 for 300 epochs. Run: ./mlp run examples/moons.mlp.kts
experiment("moons") {
    data { moons(samples = 100, noise = 0.1, randomState = 0) }
    network { dense(10, relu, weights = heNormal); dense(2, softmax, weights = heNormal) }
    training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 300; batchSize = full; seed = 1 }
    expect { trainAccuracy atLeast 0.97 }
}
