package mlpkit.core.network;

import mlpkit.core.layer.Layer;
import org.apache.commons.math3.random.RandomGenerator;

/** The specification of one layer: what the notation says about it, without sizes of inputs or weights. */
public sealed interface LayerSpec permits DenseSpec, DropoutSpec {
    /** This layer in the network notation, e.g. {@code dense(6, sigmoid)} or {@code dropout(0.2)}. */
    String notation();

    /** The number of outputs this layer gives for {@code inputs} inputs. */
    int outputSize(int inputs);

    /** A layer with {@code inputs} inputs; {@code dropoutRng} feeds dropout masks (unused by other layers). */
    Layer build(int inputs, RandomGenerator dropoutRng);
}
