package mlpkit.core.distributed;

import java.io.Serializable;
import java.util.Objects;
import mlpkit.core.concept.Registry;
import mlpkit.core.loss.Loss;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;

/**
 * A network as any JVM can rebuild it from built-in concepts: its notation, the number of input features and the
 * loss's notation. This, and a flat parameter vector, is all a worker receives; never a serialized {@link Network}.
 * A plain serializable class (not a record), so that engines with serializers that cannot handle records (Spark's
 * bundled Kryo) can still ship it.
 */
public final class NetworkRecipe implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String notation;
    private final int inputSize;
    private final String loss;

    public NetworkRecipe(String notation, int inputSize, String loss) {
        this.notation = Objects.requireNonNull(notation, "notation");
        this.loss = Objects.requireNonNull(loss, "loss");
        if (inputSize < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input feature, got " + inputSize);
        }
        this.inputSize = inputSize;
    }

    /**
     * The recipe of {@code network}. Refused, naming the concept, when the network or its loss uses a concept of the
     * user's own (a script's activation): a worker knows only the built-in ones.
     */
    public static NetworkRecipe of(Network network) {
        NetworkRecipe recipe = new NetworkRecipe(network.spec().notation(), network.inputSize(), network.lossFunction().notation());
        recipe.requireBuiltIns();
        return recipe;
    }

    /** Checks that the notation and the loss read back with the built-in concepts alone; else says which did not. */
    public void requireBuiltIns() {
        try {
            NetworkSpec.parse(notation);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a distributed run rebuilds the network on every worker from built-in concepts, but "
                    + notation + " does not read with them (" + e.getMessage() + "): use built-in activations and layers, "
                    + "or train it locally", e);
        }
        try {
            Registry.builtIns().parse(Loss.KIND, loss);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a distributed run rebuilds the loss on every worker from built-in concepts, but loss '"
                    + loss + "' does not read with them (" + e.getMessage() + "): use a built-in loss, or train it locally", e);
        }
    }

    /**
     * Builds the network (parameters from {@code seed}; callers overwrite them with the broadcast ones). The dropout
     * masks come from the dropout stream of {@code seed}, see {@link Network#build(NetworkSpec, int, Loss, long)}.
     */
    public Network build(long seed) {
        return Network.build(NetworkSpec.parse(notation), inputSize, Registry.builtIns().parse(Loss.KIND, loss), seed);
    }

    public String notation() {
        return notation;
    }

    public int inputSize() {
        return inputSize;
    }

    public String loss() {
        return loss;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkRecipe r && r.notation.equals(notation) && r.inputSize == inputSize && r.loss.equals(loss);
    }

    @Override
    public int hashCode() {
        return Objects.hash(notation, inputSize, loss);
    }

    @Override
    public String toString() {
        return notation + " on " + inputSize + " inputs, loss " + loss;
    }
}
