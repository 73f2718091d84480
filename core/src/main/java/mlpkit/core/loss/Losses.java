package mlpkit.core.loss;

import java.util.List;

/** The losses by name, for Java callers, configs and the command line. */
public final class Losses {
    public static final Loss BINARY_CROSS_ENTROPY = new BinaryCrossEntropy();
    public static final Loss MEAN_SQUARED_ERROR = new MeanSquaredError();
    public static final Loss HALF_SUM_SQUARED_ERROR = new HalfSumSquaredError();
    public static final Loss SOFTMAX_CROSS_ENTROPY = new SoftmaxCrossEntropy();

    /** The names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("bce", "mse", "half-sse", "softmax-ce");

    private Losses() {
    }

    /** The loss called {@code name}; an unknown name gets a message listing the known ones. */
    public static Loss byName(String name) {
        return switch (name) {
            case "bce" -> BINARY_CROSS_ENTROPY;
            case "mse" -> MEAN_SQUARED_ERROR;
            case "half-sse" -> HALF_SUM_SQUARED_ERROR;
            case "softmax-ce" -> SOFTMAX_CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("unknown loss '" + name + "': expected one of "
                    + String.join(", ", NAMES));
        };
    }
}
