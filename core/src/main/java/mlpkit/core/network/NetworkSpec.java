package mlpkit.core.network;

import java.util.List;
import java.util.stream.Collectors;

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

    /** Reads the notation; a syntax error is a {@link NotationException} that names the column. */
    public static NetworkSpec parse(String notation) {
        return new NotationParser(notation).parse();
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

    @Override
    public String toString() {
        return notation();
    }
}
