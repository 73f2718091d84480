package mlpkit.core.init;

import java.util.List;

/** The initialisers by name, for Java callers and the notation parser. */
public final class Initializers {
    public static final Initializer ZEROS = new Zeros();
    public static final Initializer GLOROT_NORMAL = new GlorotNormal();
    public static final Initializer GLOROT_UNIFORM = new GlorotUniform();
    public static final Initializer HE_NORMAL = new HeNormal();
    public static final Initializer HE_UNIFORM = new HeUniform();
    public static final Initializer LECUN_NORMAL = new LecunNormal();
    public static final Initializer LECUN_UNIFORM = new LecunUniform();
    /** Bias only: drawn like the weights, as the first column of a folded weight matrix. */
    public static final Initializer SAME_AS_WEIGHTS = new SameAsWeights();

    /** The default weight initialiser of a dense layer (as Keras'). */
    public static final Initializer DEFAULT_WEIGHTS = GLOROT_UNIFORM;
    /** The default bias initialiser of a dense layer. */
    public static final Initializer DEFAULT_BIAS = ZEROS;

    /** The names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("zeros", "constant", "normal", "uniform", "glorotNormal",
            "glorotUniform", "heNormal", "heUniform", "lecunNormal", "lecunUniform", "weights");

    private Initializers() {
    }

    public static Initializer constant(double value) {
        return new Constant(value);
    }

    public static Initializer normal(double std) {
        return new Normal(std);
    }

    public static Initializer uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** The initialiser called {@code name} with its numeric arguments; unknown names list the known ones. */
    public static Initializer byName(String name, double... args) {
        int expected = switch (name) {
            case "constant", "normal" -> 1;
            case "uniform" -> 2;
            default -> 0;
        };
        if (NAMES.contains(name) && args.length != expected) {
            throw new IllegalArgumentException("initialiser '" + name + "' takes " + expected + " argument"
                    + (expected == 1 ? "" : "s") + ", got " + args.length);
        }
        return switch (name) {
            case "zeros" -> ZEROS;
            case "constant" -> constant(args[0]);
            case "normal" -> normal(args[0]);
            case "uniform" -> uniform(args[0], args[1]);
            case "glorotNormal" -> GLOROT_NORMAL;
            case "glorotUniform" -> GLOROT_UNIFORM;
            case "heNormal" -> HE_NORMAL;
            case "heUniform" -> HE_UNIFORM;
            case "lecunNormal" -> LECUN_NORMAL;
            case "lecunUniform" -> LECUN_UNIFORM;
            case "weights" -> SAME_AS_WEIGHTS;
            default -> throw new IllegalArgumentException("unknown initialiser '" + name + "': expected one of "
                    + String.join(", ", NAMES));
        };
    }

    static void requireFinite(String initializer, String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(initializer + ": " + parameter + " must be a finite number, got " + value);
        }
    }

    static void requirePositive(String initializer, String parameter, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(initializer + ": " + parameter + " must be > 0, got " + value
                    + ": pass a positive standard deviation such as normal(0.1)");
        }
    }
}
