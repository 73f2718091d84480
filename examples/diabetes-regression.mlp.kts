// Diabetes progression (442 patients, 10 raw features), 10 → 16 relu → 1 identity, mse on standardised targets
// (targetScaling: the loss is on the scaled targets; R², MAE, RMSE and predictions are in the target's units),
// split as scikit-learn's train_test_split(test_size=0.2, random_state=42) (the same 89 test rows).
// Run: ./mlp verify examples/diabetes-regression.mlp.kts
// Bar: a tuned scikit-learn MLPRegressor reaches test R² 0.4915 on these rows (seed 0; 0.4327..0.4976 over
// seeds 0..4), scripts/sklearn_toy_baselines.txt. This run: test R² 0.5050 (seeds 0..4: 0.5050, 0.5009, 0.4926,
// 0.5080, 0.4841).
experiment("diabetes-regression") {
    data { diabetes(); split(test = 0.2, randomState = 42); scaling = standard; targetScaling = standard }
    network { dense(16, relu); dense(1, identity) }
    training { loss = mse; optimizer = adam(lr = 0.005, weightDecay = 0.01); epochs = 100; batchSize = 16; seed = 0 }
    expect { testR2 atLeast 0.4915 }
}
