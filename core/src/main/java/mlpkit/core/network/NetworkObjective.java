package mlpkit.core.network;

import mlpkit.core.layer.LayerSpec;
import mlpkit.core.matrix.DenseMatrix;

/**
 * A network's summed loss over fixed rows (x, y) as a function of its parameters: each evaluation copies the
 * parameters in, runs forward and backward over all rows, and leaves the network's state (running
 * statistics) as it found it.
 */
final class NetworkObjective implements Objective {
    private final Network network;
    private final DenseMatrix x;
    private final DenseMatrix y;
    private final boolean training;

    NetworkObjective(Network network, DenseMatrix x, DenseMatrix y, boolean training) {
        if (training && network.spec().layers().stream().anyMatch(LayerSpec::randomInTraining)) {
            throw new IllegalArgumentException("the loss of " + network + " in training mode is random (dropout draws a new "
                    + "mask each pass): use inference mode, or a network without dropout");
        }
        this.network = network;
        this.x = x;
        this.y = y;
        this.training = training;
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
        LossSum sum = network.accumulateGradient(x, y, gradient, training);
        System.arraycopy(saved, 0, network.state(), 0, saved.length);
        return new Evaluation(sum.sum(), sum.rows());
    }

    @Override
    public Evaluation value(double[] parameters) {
        load(parameters);
        double[] saved = network.state().clone();
        network.forward(x, training);
        double sum = network.lossSumOfLastForward(y);
        System.arraycopy(saved, 0, network.state(), 0, saved.length);
        return new Evaluation(sum, x.getRowDimension());
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
