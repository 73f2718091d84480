// Article 004 (E4) on Fashion-MNIST: exactly e4-mnist.mlp.kts on the other data set (the IDX files from the
// dataset store: ./mlp data fetch fashion-mnist, or Debian's dataset-fashion-mnist package), pixels to [−1, 1],
// 10 % of the training images held out for validation, 784 → 128 relu ×3 → 10 sigmoid, He normal weights, zero
// biases, ½Σ(a − y)² averaged over mini-batches of 64, SGD at a constant lr 0.2 for 200 epochs.
// Article: 88.81 % test accuracy; numpy with correct maths: 89.26 %.
// Measured with `./mlp verify examples/e4-fashion.json` (seed 0, about 3 minutes): 89.12 % test accuracy.
experiment("e4-fashion") {
    data {
        fashionMnist()
        split(validation = 0.1)
        scaling = symmetric
    }
    network {
        dense(128, relu, weights = heNormal, bias = zeros)
        dense(128, relu, weights = heNormal, bias = zeros)
        dense(128, relu, weights = heNormal, bias = zeros)
        dense(10, sigmoid, weights = heNormal, bias = zeros)
    }
    training { loss = halfSse; reduction = mean; optimizer = sgd(lr = 0.2); epochs = 200; batchSize = 64; seed = 0 }
    expect { testAccuracy atLeast 0.88 article 0.8881 }
}
