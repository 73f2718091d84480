// Breast cancer Wisconsin, 30 → 10 relu → 2 softmax, split as scikit-learn's train_test_split(test_size=0.2,
// random_state=42) (the same 114 test rows). Run: ./mlp verify examples/breast-cancer.mlp.kts
// Bar: a tuned scikit-learn MLPClassifier reaches test accuracy 0.9737 (111 of 114) on these rows (seed 0;
// 0.9737..0.9912 over seeds 0..4), scripts/sklearn_toy_baselines.txt. This run: 0.9737 for seeds 0, 2, 3, 4, 0.9825 for seed 1.
experiment("breast-cancer") {
    data { breastCancer(); split(test = 0.2, randomState = 42); scaling = standard }
    network { dense(10, relu); dense(2, softmax) }
    training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.001); epochs = 200; batchSize = 32; seed = 0 }
    expect { testAccuracy atLeast 0.9736 }
}
