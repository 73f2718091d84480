package mlpkit.core.optim;

/**
 * Static factories for the built-in optimisers, for Java callers:
 * <pre>
 *   Optimizer opt = Optimizers.adam();
 *   Optimizer opt = Optimizers.sgd(0.9, true);
 *   Optimizer opt = Optimizers.sgd(0.9, false, OptimizerOptions.DEFAULTS.withWeightDecay(1e-4).withClipNorm(1.0));
 * </pre>
 * Each call returns a new, independent optimiser with fresh state.
 */
public final class Optimizers {

    private Optimizers() {
    }

    /** Plain SGD, {@code theta <- theta - eta * g}. */
    public static Sgd sgd() {
        return new Sgd();
    }

    /** SGD with momentum {@code mu} in {@code [0, 1)}, classical or Nesterov (look-ahead form). */
    public static Sgd sgd(double momentum, boolean nesterov) {
        return new Sgd(momentum, nesterov);
    }

    /** SGD with momentum and common options. */
    public static Sgd sgd(double momentum, boolean nesterov, OptimizerOptions options) {
        return new Sgd(momentum, nesterov, options);
    }

    /** RMSProp with Keras' defaults {@code rho = 0.9}, {@code eps = 1e-7}. */
    public static RmsProp rmsProp() {
        return new RmsProp();
    }

    /** RMSProp with the given decay rate and epsilon. */
    public static RmsProp rmsProp(double rho, double eps) {
        return new RmsProp(rho, eps);
    }

    /** RMSProp with the given decay rate, epsilon and common options. */
    public static RmsProp rmsProp(double rho, double eps, OptimizerOptions options) {
        return new RmsProp(rho, eps, options);
    }

    /** Adam with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}. */
    public static Adam adam() {
        return new Adam();
    }

    /** Adam with the given hyper-parameters. */
    public static Adam adam(double beta1, double beta2, double eps) {
        return new Adam(beta1, beta2, eps);
    }

    /** Adam with the given hyper-parameters and common options (weight decay = L2). */
    public static Adam adam(double beta1, double beta2, double eps, OptimizerOptions options) {
        return new Adam(beta1, beta2, eps, options);
    }

    /** AdamW with default betas and epsilon and decoupled weight decay {@code 0.01}. */
    public static AdamW adamW() {
        return new AdamW();
    }

    /** AdamW with default betas and epsilon and the given decoupled weight decay. */
    public static AdamW adamW(double weightDecay) {
        return new AdamW(weightDecay);
    }

    /** AdamW with the given hyper-parameters; {@code options.weightDecay()} is the decoupled decay. */
    public static AdamW adamW(double beta1, double beta2, double eps, OptimizerOptions options) {
        return new AdamW(beta1, beta2, eps, options);
    }
}
