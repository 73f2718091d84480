package mlpkit.core.layer;

import mlpkit.core.activation.Activation;
import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What the notation says about one layer, without the size of its input: {@code dense(6, sigmoid)},
 * {@code dropout(0.2)}. Each layer kind is one concept file holding its specification and its layer.
 */
public interface LayerSpec extends Conceptual {
    /** The kind "layer": required arguments positional, {@code dense(10, relu, weights=heNormal)}. */
    Kind<LayerSpec> KIND = Kind.positional("layer", LayerSpec.class);

    /** The number of outputs this layer gives for {@code inputs} inputs. */
    int outputSize(int inputs);

    /** A layer with {@code inputs} inputs; {@code rng} feeds what it draws while training (dropout masks). */
    Layer build(int inputs, RandomGenerator rng);

    /**
     * The number of trainable parameters (plus kept state, such as moving averages) the layer holds for
     * {@code inputs} inputs, as a long so that a size too large for the JVM can be reported instead of
     * overflowing: known before anything is allocated ({@code MachineLimits} checks it). 0 for layers without any.
     */
    default long parameterCount(int inputs) {
        return 0;
    }

    /** Whether the layer draws random numbers in training (dropout), which makes the training loss random. */
    default boolean randomInTraining() {
        return false;
    }

    /** The activation of this layer's output when it can end a network ({@link OutputLayer}), else null. */
    default Activation outputActivation() {
        return null;
    }
}
