package mlpkit.core.network;

import mlpkit.core.layer.LayerSpec;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;

/**
 * A network's summed (or, with row weights, weighted-summed Σ w_i ℓ_i) loss over fixed rows (x, y) as a function of its parameters: each evaluation copies the
 * parameters in, runs forward and backward over all rows, and leaves the network's state (running
 * statistics) as it found it.
 */
final class NetworkObjective implements Objective {
    private final Network network;
    private final DenseMatrix x;
    private final DenseMatrix y;
    private final boolean training;
    /** Per-row weights, or null for the unweighted sum. */
    private final double[] weights;
    /** D for the weighted mean: Σ w_i or the row count ({@link WeightNormalization}); unused when unweighted. */
    private final double denominator;

    NetworkObjective(Network network, DenseMatrix x, DenseMatrix y, boolean training) {
        this(network, x, y, null, WeightNormalization.DEFAULT, training);
    }

    NetworkObjective(Network network, DenseMatrix x, DenseMatrix y, double[] weights, WeightNormalization normalization,
                     boolean training) {
        if (training && network.spec().layers().stream().anyMatch(LayerSpec::randomInTraining)) {
            throw new IllegalArgumentException("the loss of " + network + " in training mode is random (dropout draws a new "
                    + "mask each pass): use inference mode, or a network without dropout");
        }
        this.network = network;
        this.x = x;
        this.y = y;
        this.training = training;
        this.weights = weights;
        if (weights != null && weights.length != x.getRowDimension()) {
            throw new IllegalArgumentException("the weighted objective of " + network + " expected one weight per row ("
                    + x.getRowDimension() + "), got " + weights.length);
        }
        double sum = 0;
        if (weights != null) {
            for (double w : weights) {
                sum += w;
            }
        }
        this.denominator = weights == null ? x.getRowDimension()
                : normalization.denominator(mlpkit.core.loss.Reduction.MEAN, x.getRowDimension(), sum);
        if (weights != null && !(denominator > 0)) {
            throw new IllegalArgumentException("the row weights of " + network + " sum to " + sum
                    + ": a weighted mean needs a positive sum of weights");
        }
    }

    @Override
    public int dimension() {
        return network.parameterCount();
    }

    @Override
    public Evaluation evaluate(double[] parameters, double[] gradient) {
        load(parameters);
        java.util.Arrays.fill(gradient, 0.0);
        double[] saved = network.state().clone();
        if (weights == null) {
            LossSum sum = network.accumulateGradient(x, y, gradient, training);
            System.arraycopy(saved, 0, network.state(), 0, saved.length);
            return new Evaluation(sum.sum(), sum.rows());
        }
        LossSum sum = network.accumulateWeightedGradient(x, y, weights, gradient, training);
        System.arraycopy(saved, 0, network.state(), 0, saved.length);
        return new Evaluation(sum.sum(), sum.rows(), denominator);
    }

    @Override
    public Evaluation value(double[] parameters) {
        load(parameters);
        double[] saved = network.state().clone();
        network.forward(x, training);
        double sum = weights == null ? network.lossSumOfLastForward(y) : network.weightedLossSumOfLastForward(y, weights);
        System.arraycopy(saved, 0, network.state(), 0, saved.length);
        return weights == null ? new Evaluation(sum, x.getRowDimension()) : new Evaluation(sum, x.getRowDimension(), denominator);
    }

    private void load(double[] parameters) {
        if (parameters.length != network.parameterCount()) {
            throw new IllegalArgumentException("the objective of " + network + " takes " + network.parameterCount()
                    + " parameters, got " + parameters.length);
        }
        if (parameters != network.parameters()) {
            System.arraycopy(parameters, 0, network.parameters(), 0, parameters.length);
        }
    }
}
