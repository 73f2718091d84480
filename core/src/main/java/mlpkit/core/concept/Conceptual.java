package mlpkit.core.concept;

/**
 * A value of some {@link Concept}: a sigmoid, an {@code elu(0.5)}, a {@code dense(10, relu)} layer
 * specification, an {@code adam(lr=0.01)} optimiser specification. Values are immutable; their concept
 * writes them in the notation and in JSON from their {@link Concept#argumentsOf arguments}.
 */
public interface Conceptual {
    /** The concept this value belongs to. */
    Concept<?> concept();

    /** This value in the notation: {@code sigmoid}, {@code leakyRelu(0.2)}, {@code dense(10, relu)}. */
    default String notation() {
        return concept().notationOf(this);
    }
}
