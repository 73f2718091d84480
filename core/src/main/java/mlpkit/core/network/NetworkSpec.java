package mlpkit.core.network;

import java.util.List;
import java.util.stream.Collectors;
import mlpkit.core.activation.Activation;
import mlpkit.core.concept.NotationParser;
import mlpkit.core.concept.Registry;
import mlpkit.core.layer.LayerSpec;

/**
 * The layers of a sequential network, without its input size (inferred from the data when the network is
 * built). Its {@link #toString()} is the one-line notation, which {@link #parse} reads back to an equal
 * specification: {@code network < dense(6, sigmoid); dense(4, tanh); dense(1, sigmoid) >}.
 */
public record NetworkSpec(List<LayerSpec> layers) {
    public NetworkSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer, e.g. network < dense(1, sigmoid) >");
        }
    }

    public static NetworkSpec of(LayerSpec... layers) {
        return new NetworkSpec(List.of(layers));
    }

    /** Reads the notation with the built-in concepts; a mistake is a {@code NotationException} that names the column. */
    public static NetworkSpec parse(String notation) {
        return parse(notation, Registry.builtIns());
    }

    /** Reads the notation with the concepts of {@code registry} (built-ins and a user's own). */
    public static NetworkSpec parse(String notation, Registry registry) {
        return new NetworkSpec(new NotationParser(notation, "network notation", registry).network(LayerSpec.KIND));
    }

    /** The notation, e.g. {@code network < dense(6, sigmoid); dense(1, sigmoid) >}. */
    public String notation() {
        return layers.stream().map(LayerSpec::notation).collect(Collectors.joining("; ", "network < ", " >"));
    }

    /** The number of outputs of the last layer for {@code inputs} inputs. */
    public int outputSize(int inputs) {
        int size = inputs;
        for (LayerSpec layer : layers) {
            size = layer.outputSize(size);
        }
        return size;
    }

    /** The activation of the output layer, or null when the last layer cannot end a network. */
    public Activation outputActivation() {
        return layers.get(layers.size() - 1).outputActivation();
    }

    /** Null when the last layer can end the network, else why not and what to do. */
    public String outputProblem() {
        if (outputActivation() != null) {
            return null;
        }
        return "the last layer " + layers.get(layers.size() - 1).notation() + " has no output activation for the loss to read: "
                + "end the network with a layer that has one, e.g. dense(1, sigmoid)";
    }

    @Override
    public String toString() {
        return notation();
    }
}
