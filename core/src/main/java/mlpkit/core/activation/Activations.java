package mlpkit.core.activation;

import java.util.List;

/** The activation functions by name, for Java callers and for the notation parser. */
public final class Activations {
    public static final Activation IDENTITY = new Identity();
    public static final Activation SIGMOID = new Sigmoid();
    public static final Activation TANH = new Tanh();
    public static final Activation RELU = new Relu();
    public static final Activation SOFTMAX = new Softmax();

    /** The names accepted by {@link #byName}, as they appear in the notation. */
    public static final List<String> NAMES = List.of("identity", "sigmoid", "tanh", "relu", "leakyRelu", "softmax");

    private Activations() {
    }

    public static Activation leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    /**
     * The activation called {@code name} with its numeric arguments ({@code leakyRelu} takes an optional
     * slope, default 0.01; the others take none).
     *
     * @throws IllegalArgumentException for an unknown name or a wrong number of arguments — the message
     *                                  lists the known names
     */
    public static Activation byName(String name, double... args) {
        Activation activation = switch (name) {
            case "identity", "linear" -> IDENTITY;
            case "sigmoid", "logistic" -> SIGMOID;
            case "tanh" -> TANH;
            case "relu" -> RELU;
            case "softmax" -> SOFTMAX;
            case "leakyRelu" -> {
                if (args.length > 1) {
                    throw new IllegalArgumentException("leakyRelu takes one slope argument, got " + args.length);
                }
                yield leakyRelu(args.length == 1 ? args[0] : 0.01);
            }
            default -> throw new IllegalArgumentException("unknown activation '" + name + "': expected one of "
                    + String.join(", ", NAMES));
        };
        if (args.length > 0 && !(activation instanceof LeakyRelu)) {
            throw new IllegalArgumentException("activation '" + name + "' takes no arguments, got " + args.length);
        }
        return activation;
    }
}
