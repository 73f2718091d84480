package mlpkit.core.network;

import mlpkit.core.layer.Dropout;
import mlpkit.core.layer.Layer;
import org.apache.commons.math3.random.RandomGenerator;

/** {@code dropout(rate)}: the fraction of inputs zeroed in training, in [0, 1). */
public record DropoutSpec(double rate) implements LayerSpec {
    public DropoutSpec {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout: the rate must be in [0, 1), got " + rate
                    + ": it is the fraction of inputs dropped, e.g. dropout(0.2)");
        }
    }

    @Override
    public String notation() {
        return "dropout(" + rate + ")";
    }

    @Override
    public int outputSize(int inputs) {
        return inputs;
    }

    @Override
    public Layer build(int inputs, RandomGenerator dropoutRng) {
        return new Dropout(this, inputs, dropoutRng);
    }

    @Override
    public String toString() {
        return notation();
    }
}
