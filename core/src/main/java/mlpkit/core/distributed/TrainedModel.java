package mlpkit.core.distributed;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;

/**
 * A trained model as any JVM can rebuild it without the dsl: the network's {@link NetworkRecipe}, its flat
 * parameters and layer state, the input scaling applied to raw feature rows (null for none), the class names of a
 * classifier (null for regression; a single output is a 0/1 column, several are one per class), the inverse target
 * scaling that maps a regression model's outputs back to the targets' units (null for none), the data module's
 * column pipeline as JSON (null unless trained on a table) and the names of the input features (null when unknown).
 * {@link #predict} is the forward pass of the dsl's {@code Model.predict}: the same outputs bit for bit.
 */
public final class TrainedModel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The threshold at or above which a classifier's single 0/1 output predicts class 1. */
    public static final double BINARY_THRESHOLD = 0.5;

    private final NetworkRecipe recipe;
    private final double[] parameters;
    private final double[] state;
    private final ColumnAffine inputScaling;
    private final List<String> classNames;
    private final ColumnAffine targetScaling;
    private final String pipelineJson;
    private final List<String> featureNames;

    public TrainedModel(NetworkRecipe recipe, double[] parameters, double[] state, ColumnAffine inputScaling, List<String> classNames,
            ColumnAffine targetScaling, String pipelineJson, List<String> featureNames) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.parameters = Objects.requireNonNull(parameters, "parameters").clone();
        this.state = state == null ? new double[0] : state.clone();
        if (inputScaling != null && inputScaling.columns() != recipe.inputSize()) {
            throw new IllegalArgumentException("the model " + recipe + " takes " + recipe.inputSize() + " inputs, but its input scaling has "
                    + inputScaling.columns() + " columns: pass the scaling fitted on its inputs");
        }
        if (featureNames != null && featureNames.size() != recipe.inputSize()) {
            throw new IllegalArgumentException("the model " + recipe + " takes " + recipe.inputSize() + " inputs, but " + featureNames.size()
                    + " feature names were given: pass one name per input or none");
        }
        this.inputScaling = inputScaling;
        this.classNames = classNames == null ? null : List.copyOf(classNames);
        this.targetScaling = targetScaling;
        this.pipelineJson = pipelineJson;
        this.featureNames = featureNames == null ? null : List.copyOf(featureNames);
    }

    /** Reads a model file through the {@link TrainedModelReader} on the class path (the dsl's). */
    public static TrainedModel read(Path file) {
        return TrainedModelReader.find().read(file);
    }

    /**
     * The network with this model's parameters and state, built once per worker or partition. Checks that they fit
     * the recipe's network.
     */
    public Network network() {
        Network network = recipe.build(0L);
        if (network.parameterCount() != parameters.length || network.state().length != state.length) {
            throw new IllegalArgumentException("the model " + recipe + " has " + network.parameterCount() + " parameters and "
                    + network.state().length + " state values, but " + parameters.length + " and " + state.length
                    + " were given: pass the parameters and state of that network");
        }
        System.arraycopy(parameters, 0, network.parameters(), 0, parameters.length);
        System.arraycopy(state, 0, network.state(), 0, state.length);
        return network;
    }

    /**
     * The outputs for the first {@code rows} raw feature rows of {@code x} (scaled in place by the input scaling), in
     * the targets' units: a buffer of {@code network} valid until its next call. {@code network} is {@link #network()}.
     */
    public DenseMatrix predict(Network network, DenseMatrix x, int rows) {
        if (inputScaling != null) {
            inputScaling.applyInPlace(x, rows);
        }
        DenseMatrix outputs = network.forward(x, false);
        if (targetScaling != null) {
            targetScaling.applyInPlace(outputs, outputs.getRowDimension());
        }
        return outputs;
    }

    /**
     * The class of row {@code row} of a classifier's {@code outputs}: the largest output (the first on ties) for one
     * output per class, class 1 when a single output reaches {@link #BINARY_THRESHOLD} (NaN gives class 0).
     */
    public static int predictedClass(DenseMatrix outputs, int row) {
        int cols = outputs.getColumnDimension();
        double[] data = outputs.data();
        int start = outputs.offset() + row * cols;
        if (cols == 1) {
            return data[start] >= BINARY_THRESHOLD ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (data[start + j] > data[start + best]) {
                best = j;
            }
        }
        return best;
    }

    /** The class probabilities of row {@code row}: the outputs, or (1 − p, p) for a single 0/1 output p. */
    public static double[] probabilities(DenseMatrix outputs, int row) {
        int cols = outputs.getColumnDimension();
        double[] data = outputs.data();
        int start = outputs.offset() + row * cols;
        if (cols == 1) {
            return new double[] {1.0 - data[start], data[start]};
        }
        double[] p = new double[cols];
        System.arraycopy(data, start, p, 0, cols);
        return p;
    }

    /** Whether the outputs are class scores ({@link #classNames()} is not null). */
    public boolean isClassifier() {
        return classNames != null;
    }

    public NetworkRecipe recipe() {
        return recipe;
    }

    public int inputSize() {
        return recipe.inputSize();
    }

    public double[] parameters() {
        return parameters.clone();
    }

    public double[] state() {
        return state.clone();
    }

    public ColumnAffine inputScaling() {
        return inputScaling;
    }

    public List<String> classNames() {
        return classNames;
    }

    public ColumnAffine targetScaling() {
        return targetScaling;
    }

    public String pipelineJson() {
        return pipelineJson;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public String toString() {
        return "TrainedModel(" + recipe + (classNames == null ? ", regression" : ", classes " + classNames) + ")";
    }
}
