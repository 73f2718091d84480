package mlpkit.spark;

import java.io.Serializable;

/**
 * What the driver broadcasts to every partition at the start of an averaging round: the parameters, the optimiser
 * state to resume (null: a fresh optimiser), the learning rate, and each partition's shuffling and dropout streams
 * where the last round left them (null entries: start from the partition's seed).
 */
final class RoundInput implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] parameters;
    final OptimizerArrays state;
    final double learningRate;
    final StreamState[] shuffle;
    final StreamState[] dropout;

    RoundInput(double[] parameters, OptimizerArrays state, double learningRate, StreamState[] shuffle, StreamState[] dropout) {
        this.parameters = parameters;
        this.state = state;
        this.learningRate = learningRate;
        this.shuffle = shuffle;
        this.dropout = dropout;
    }
}
