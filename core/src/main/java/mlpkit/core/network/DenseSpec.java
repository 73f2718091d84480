package mlpkit.core.network;

import java.util.Objects;
import mlpkit.core.activation.Activation;
import mlpkit.core.init.Initializer;
import mlpkit.core.init.Initializers;
import mlpkit.core.init.SameAsWeights;
import mlpkit.core.layer.Dense;
import mlpkit.core.layer.Layer;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code dense(units, activation[, weights=init][, bias=init])}. The initialisers default to
 * {@link Initializers#DEFAULT_WEIGHTS} and {@link Initializers#DEFAULT_BIAS} and are printed only when
 * they differ from those, so the notation stays short and still round-trips.
 */
public record DenseSpec(int units, Activation activation, Initializer weightInit, Initializer biasInit)
        implements LayerSpec {

    public DenseSpec {
        if (units <= 0) {
            throw new IllegalArgumentException("dense: units must be ≥ 1, got " + units);
        }
        Objects.requireNonNull(activation, "dense: activation");
        Objects.requireNonNull(weightInit, "dense: weightInit");
        Objects.requireNonNull(biasInit, "dense: biasInit");
        if (weightInit instanceof SameAsWeights) {
            throw new IllegalArgumentException("dense: 'weights' is a bias initialiser (bias drawn like the weights); "
                    + "give the weights a distribution such as normal(1.0)");
        }
    }

    /** A dense layer with the default initialisers. */
    public DenseSpec(int units, Activation activation) {
        this(units, activation, Initializers.DEFAULT_WEIGHTS, Initializers.DEFAULT_BIAS);
    }

    @Override
    public String notation() {
        StringBuilder s = new StringBuilder("dense(").append(units).append(", ").append(activation.notation());
        if (!weightInit.equals(Initializers.DEFAULT_WEIGHTS)) {
            s.append(", weights=").append(weightInit.notation());
        }
        if (!biasInit.equals(Initializers.DEFAULT_BIAS)) {
            s.append(", bias=").append(biasInit.notation());
        }
        return s.append(')').toString();
    }

    @Override
    public int outputSize(int inputs) {
        return units;
    }

    @Override
    public Layer build(int inputs, RandomGenerator dropoutRng) {
        return new Dense(this, inputs);
    }

    @Override
    public String toString() {
        return notation();
    }
}
