// Article 000 (E0): make_classification(10 samples, 4 features, random_state = 42), 4 → 6 sigmoid → 4 tanh →
// 3 relu → 1 sigmoid with the bias drawn like the weights ("column of ones", bias = likeWeights) from
// N(0, 1), binary cross-entropy SUMMED over the batch, full-batch SGD at lr 0.01 for 100 steps.
// Seed 42 makes the initialisation stream numpy's RandomState(42), so the initial weights are the
// article's own np.random.seed(42) draws. Run: ./mlp run examples/e0.mlp.kts
experiment("e0") {
    data { classification(samples = 10, features = 4, classes = 2, clustersPerClass = 1, randomState = 42) }
    network {
        dense(6, sigmoid, weights = normal(1.0), bias = likeWeights)
        dense(4, tanh, weights = normal(1.0), bias = likeWeights)
        dense(3, relu, weights = normal(1.0), bias = likeWeights)
        dense(1, sigmoid, weights = normal(1.0), bias = likeWeights)
    }
    training { loss = bce; reduction = sum; optimizer = sgd(lr = 0.01); epochs = 100; batchSize = full; seed = 42 }
    expect { trainAccuracy atLeast 1.0 article 1.0 }
}
