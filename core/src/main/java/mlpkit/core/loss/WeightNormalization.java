package mlpkit.core.loss;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a weighted mean loss divides by. With per-row weights w_i on a batch of n rows the mean loss is
 * <pre>
 *   L = Σ_i w_i ℓ_i / D          and row i's output delta is scaled by w_i / D
 * </pre>
 * and the two conventions in use differ only in D:
 * <ul>
 *   <li>{@link #SUM_OF_WEIGHTS}: D = Σ_i w_i over the batch. scikit-learn ≥ 1.7's MLP ({@code sample_weight} in
 *       {@code _multilayer_perceptron.py}'s {@code _backprop}: {@code sw_sum = sample_weight.sum()}, the output
 *       deltas multiplied by {@code sample_weight} and every gradient divided by {@code sw_sum}; its L2 term is
 *       divided by {@code sw_sum} too) and PyTorch's weighted mean ({@code CrossEntropyLoss(weight=…)} with
 *       {@code reduction='mean'} divides by the sum of the targets' weights). A batch's weights are then relative:
 *       multiplying them all by c changes nothing.</li>
 *   <li>{@link #ROWS}: D = n, the batch's row count. Keras' {@code class_weight} / {@code sample_weight} under its
 *       default {@code sum_over_batch_size} reduction ("scalar SUM of the weighted losses divided by the number of
 *       elements", {@code keras.losses.Reduction}). Weights then also scale the step: weights of 2 double it.</li>
 * </ul>
 * With the {@link Reduction#SUM} reduction D = 1 under either convention: L = Σ_i w_i ℓ_i.
 */
public enum WeightNormalization {
    /** D = Σ w_i in the batch (scikit-learn ≥ 1.7, PyTorch's weighted mean). */
    SUM_OF_WEIGHTS("sumOfWeights"),
    /** D = the batch's row count (Keras' {@code sum_over_batch_size}). */
    ROWS("rows");

    /** The default: scikit-learn's and PyTorch's convention, under which only the weights' ratios matter. */
    public static final WeightNormalization DEFAULT = SUM_OF_WEIGHTS;

    private final String notation;

    WeightNormalization(String notation) {
        this.notation = notation;
    }

    /** The name used in configs and the DSL: {@code sumOfWeights} or {@code rows}. */
    public String notation() {
        return notation;
    }

    /** The denominator D for a batch of {@code rows} rows whose weights sum to {@code weightSum}, under {@code reduction}. */
    public double denominator(Reduction reduction, int rows, double weightSum) {
        if (reduction == Reduction.SUM) {
            return 1.0;
        }
        return this == SUM_OF_WEIGHTS ? weightSum : rows;
    }

    /** The convention named {@code name} ({@link #notation()}), or an error listing the names. */
    public static WeightNormalization of(String name) {
        for (WeightNormalization n : values()) {
            if (n.notation.equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("weightNormalization expected one of " + names() + ", got '" + name
                + "': sumOfWeights divides a batch's weighted loss by its sum of weights (scikit-learn, PyTorch), "
                + "rows by its row count (Keras)");
    }

    /** The names, for messages: {@code sumOfWeights, rows}. */
    public static String names() {
        return Arrays.stream(values()).map(WeightNormalization::notation).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return notation;
    }
}
