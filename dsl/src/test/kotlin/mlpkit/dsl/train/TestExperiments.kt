package mlpkit.dsl.train

import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment

/** Small experiments shared by the training tests. */
internal object TestExperiments {
    /** Article E2: make_moons(100, noise 0.1, random_state 0), 2 → 10 relu → 2 softmax, He init, full-batch SGD lr 0.5. */
    fun moons(epochs: Int = 300): Experiment = experiment("moons") {
        data { moons(samples = 100, noise = 0.1, randomState = 0) }
        network { dense(10, relu, weights = heNormal); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); this.epochs = epochs; batchSize = full; seed = 0 }
    }

    /**
     * Everything random at once: a shuffled split, shuffled mini-batches, dropout, Adam's state and
     * standard scaling, so that a repeated or resumed run only matches if every stream and state does.
     */
    fun stochastic(epochs: Int = 6, seed: Long = 11, block: mlpkit.dsl.TrainingBuilder.() -> Unit = {}): Experiment = experiment("stochastic") {
        data { moons(samples = 200, noise = 0.25, randomState = 4); split(validation = 0.2, stratify = true); scaling = standard }
        network { dense(16, relu, weights = heUniform); dropout(0.2); dense(8, tanh); dense(1, sigmoid) }
        training {
            loss = bce; optimizer = adam(lr = 0.01); this.epochs = epochs; batchSize = 16; this.seed = seed
            block()
        }
    }

    /** A small, noisy set and a large network trained fast: validation loss is best early, then rises. */
    fun overfitting(epochs: Int, block: mlpkit.dsl.TrainingBuilder.() -> Unit = {}): Experiment = experiment("overfitting") {
        data { moons(samples = 60, noise = 0.45, randomState = 1); split(validation = 0.5, stratify = true) }
        network { dense(64, relu, weights = heNormal); dense(64, relu, weights = heNormal); dense(2, softmax) }
        training {
            loss = softmaxCrossEntropy; optimizer = adam(lr = 0.02); this.epochs = epochs; batchSize = 5; seed = 3
            block()
        }
    }
}
