// Article 003 (E3), the hidden-size sweep: test AUC against the number of nodes of ONE sigmoid hidden layer,
// 1 to 30, each trained like e3.mlp.kts (make_classification(5000 × 20, …, random_state 42), first 80 % train,
// last 20 % test, weights and biases from N(0, 0.1²), binary cross-entropy, full-batch gradient descent at
// lr 1.0 for 2000 iterations, seed 0). The base network is the article's [8, 3]; the sweep runs only the
// variations. The article sees "a clear elbow around 10 nodes". Run: ./mlp run examples/e3-sweep.mlp.kts,
// which writes summary.csv (one row per hidden size, with test_auc) in the sweep's directory.
// Measured with `./mlp run examples/e3-sweep.json --seed S --quiet` for S = 0, 1, 2 (test AUC, mean of the three
// seeds): h=1 0.873, 2 0.920, 3 0.939, 4 0.952, 6 0.954, 8 0.960, 10 0.963, then flat at 0.962–0.968 for every
// size up to 30 (single seeds differ by up to ±0.005). The curve bends hardest at 4 nodes and has levelled off by
// about 10: the article's elbow.
experiment("e3-sweep") {
    data {
        classification(
            samples = 5000, features = 20, informative = 15, redundant = 3, repeated = 0, classes = 2,
            flipY = 0.05, classSep = 1.0, randomState = 42, shuffle = true,
        )
        split(test = 0.2, shuffle = false)
    }
    network {
        dense(8, sigmoid, weights = normal(0.1), bias = likeWeights)
        dense(3, sigmoid, weights = normal(0.1), bias = likeWeights)
        dense(1, sigmoid, weights = normal(0.1), bias = likeWeights)
    }
    training { loss = bce; optimizer = sgd(lr = 1.0); epochs = 2000; batchSize = full; seed = 0 }
    sweep(parallelism = 2) {
        for (hidden in 1..30) {
            variant("h=$hidden") {
                network {
                    dense(hidden, sigmoid, weights = normal(0.1), bias = likeWeights)
                    dense(1, sigmoid, weights = normal(0.1), bias = likeWeights)
                }
            }
        }
    }
}
