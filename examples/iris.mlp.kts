// Iris, 4 → 50 relu → 3 softmax, split as scikit-learn's train_test_split(test_size=0.2, random_state=42)
// (the same 30 test rows). Run: ./mlp verify examples/iris.mlp.kts
// Bar: a tuned scikit-learn MLPClassifier reaches test accuracy 1.0000 on these rows (seed 0; 0.9667..1.0000
// over seeds 0..4), scripts/sklearn_toy_baselines.txt. This run: 1.0000 for seeds 0..4.
experiment("iris") {
    data { iris(); split(test = 0.2, randomState = 42); scaling = standard }
    network { dense(50, relu); dense(3, softmax) }
    training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.01); epochs = 100; batchSize = 16; seed = 0 }
    expect { testAccuracy atLeast 1.0 }
}
