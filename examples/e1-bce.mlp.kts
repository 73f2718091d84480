// Article 001 (E1) with sigmoid + binary cross-entropy: every setting of e1.mlp.kts (digits unscaled,
// 64 → 15 relu → 10 sigmoid, weights N(0, 1)/√fan_in, zero biases, gradient summed over mini-batches of 15
// rows shuffled every epoch, SGD lr 1e-3, 100 epochs, seed 1) except the loss. With cross-entropy the
// output delta is ŷ − y without the σ'(z) factor that stalls saturated sigmoid outputs, so the article's
// ≈1.00 training accuracy is reached with correct maths (numpy: median 0.997 over seeds 1–10, min 0.90).
// See e1.mlp.kts for the faithful squared-error run and why the article's own figure is not its result.
// Measured with `./mlp run examples/e1-bce.json --seed S --quiet` for S = 1..10: train accuracy 1.000
// (seed 1), 0.996, 0.999, 1.000, 0.827 (seed 5), 1.000, 0.993, 0.998, 0.999, 0.981; median 0.998.
experiment("e1-bce") {
    data { digits() }
    network {
        dense(15, relu, weights = lecunNormal, bias = zeros)
        dense(10, sigmoid, weights = lecunNormal, bias = zeros)
    }
    training { loss = bce; reduction = sum; optimizer = sgd(lr = 1e-3); epochs = 100; batchSize = 15; seed = 1 }
    expect { trainAccuracy atLeast 0.99 article 1.0 }
}
