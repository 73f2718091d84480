package mlpkit.core.optim;

import java.util.List;

/**
 * Stochastic gradient descent, optionally with classical or Nesterov momentum.
 *
 * <p>With {@code eta} the learning rate, {@code mu} the momentum and {@code v} the velocity
 * (zero before the first step), one step is:
 * <pre>
 *   plain (mu = 0):      theta &lt;- theta - eta * g
 *   classical momentum:  v &lt;- mu * v - eta * g
 *                        theta &lt;- theta + v
 *   Nesterov momentum:   v &lt;- mu * v - eta * g
 *                        theta &lt;- theta + mu * v - eta * g      (v already updated)
 * </pre>
 * Classical momentum is Polyak's heavy ball (Polyak 1964) in the form of Sutskever, Martens,
 * Dahl &amp; Hinton, "On the importance of initialization and momentum in deep learning",
 * ICML 2013, eq. (1)-(2). The Nesterov variant is the "look-ahead" reformulation of Bengio,
 * Boulanger-Lewandowski &amp; Pascanu, "Advances in optimizing recurrent networks", ICASSP 2013,
 * which keeps {@code theta} at the look-ahead point so only the gradient at the current
 * parameters is needed. These are exactly the formulas of Keras' {@code SGD}. PyTorch stores
 * {@code b = -v / eta} instead ({@code b <- mu*b + g}; {@code theta <- theta - eta*b}, or
 * {@code theta <- theta - eta*(g + mu*b)} for Nesterov, with {@code dampening = 0}); with a
 * constant learning rate the two give the same iterates, when the rate changes they differ
 * slightly and this class follows Keras.
 *
 * <p>Defaults: {@code momentum = 0}, {@code nesterov = false}. State: {@code "velocity"} when
 * {@code momentum > 0}; plain SGD has no state arrays. Weight decay, clipping and the decay mask
 * come from {@link OptimizerOptions}.
 */
public final class Sgd extends AbstractOptimizer {

    /** The kind used in notation and exported states. */
    public static final String KIND = "sgd";

    private final double momentum;
    private final boolean nesterov;

    /** Plain SGD: {@code theta <- theta - eta * g}. */
    public Sgd() {
        this(0.0, false, OptimizerOptions.DEFAULTS);
    }

    /** SGD with momentum {@code mu} in {@code [0, 1)}, classical or Nesterov. */
    public Sgd(double momentum, boolean nesterov) {
        this(momentum, nesterov, OptimizerOptions.DEFAULTS);
    }

    /**
     * SGD with momentum and common options.
     *
     * @throws IllegalArgumentException if {@code momentum} is outside {@code [0, 1)}, or if
     *                                  {@code nesterov} is requested with {@code momentum == 0}
     */
    public Sgd(double momentum, boolean nesterov, OptimizerOptions options) {
        super(KIND, stateNamesFor(momentum, nesterov), options, false);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    private static List<String> stateNamesFor(double momentum, boolean nesterov) {
        Validation.zeroInclusiveOneExclusive("momentum", momentum,
                "use 0 for plain SGD or a typical value such as 0.9");
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov=true requires momentum in (0, 1) but momentum was 0; "
                    + "set a momentum such as 0.9, or use nesterov=false for plain SGD");
        }
        return momentum > 0 ? List.of("velocity") : List.of();
    }

    /** The momentum coefficient {@code mu}. */
    public double momentum() {
        return momentum;
    }

    /** Whether the Nesterov look-ahead form is used. */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    void update(double[] params, double[] grads, double learningRate, long t) {
        final double eta = learningRate;
        if (momentum == 0) {
            for (int i = 0; i < params.length; i++) {
                params[i] -= eta * grads[i];
            }
            return;
        }
        final double mu = momentum;
        final double[] v = state(0);
        if (nesterov) {
            for (int i = 0; i < params.length; i++) {
                double step = eta * grads[i];
                double vi = mu * v[i] - step;
                v[i] = vi;
                params[i] += mu * vi - step;
            }
        } else {
            for (int i = 0; i < params.length; i++) {
                double vi = mu * v[i] - eta * grads[i];
                v[i] = vi;
                params[i] += vi;
            }
        }
    }

    @Override
    void describe(Notation notation) {
        if (momentum != 0) {
            notation.add("momentum", momentum);
        }
        if (nesterov) {
            notation.add("nesterov", true);
        }
    }
}
