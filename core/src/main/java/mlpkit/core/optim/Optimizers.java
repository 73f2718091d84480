package mlpkit.core.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import mlpkit.core.concept.Concept;

/**
 * Static factories for stateful optimisers of the built-in rules, for Java callers:
 * <pre>
 *   Optimizer opt = Optimizers.adam();
 *   Optimizer opt = Optimizers.sgd(0.9, true);
 *   Optimizer opt = Optimizers.sgd(0.9, false, OptimizerOptions.DEFAULTS.withWeightDecay(1e-4).withClipNorm(1.0));
 * </pre>
 * Each call returns a new, independent optimiser with fresh state; hyper-parameters not given take the
 * rule's defaults (its concept's). The learning rate is passed to each {@link Optimizer#step}.
 */
public final class Optimizers {

    private Optimizers() {
    }

    /** Plain SGD, {@code theta <- theta - eta * g}. */
    public static Optimizer sgd() {
        return start(Sgd.CONCEPT, OptimizerOptions.DEFAULTS);
    }

    /** SGD with momentum {@code mu} in {@code [0, 1)}, classical or Nesterov (look-ahead form). */
    public static Optimizer sgd(double momentum, boolean nesterov) {
        return sgd(momentum, nesterov, OptimizerOptions.DEFAULTS);
    }

    /** SGD with momentum and common options. */
    public static Optimizer sgd(double momentum, boolean nesterov, OptimizerOptions options) {
        return start(Sgd.CONCEPT, options, "momentum", momentum, "nesterov", nesterov);
    }

    /** RMSProp with Keras' defaults {@code rho = 0.9}, {@code eps = 1e-7}. */
    public static Optimizer rmsProp() {
        return start(RmsProp.CONCEPT, OptimizerOptions.DEFAULTS);
    }

    /** RMSProp with the given decay rate and epsilon. */
    public static Optimizer rmsProp(double rho, double eps) {
        return rmsProp(rho, eps, OptimizerOptions.DEFAULTS);
    }

    /** RMSProp with the given decay rate, epsilon and common options. */
    public static Optimizer rmsProp(double rho, double eps, OptimizerOptions options) {
        return start(RmsProp.CONCEPT, options, "rho", rho, "eps", eps);
    }

    /** Adam with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}. */
    public static Optimizer adam() {
        return start(Adam.CONCEPT, OptimizerOptions.DEFAULTS);
    }

    /** Adam with the given hyper-parameters. */
    public static Optimizer adam(double beta1, double beta2, double eps) {
        return adam(beta1, beta2, eps, OptimizerOptions.DEFAULTS);
    }

    /** Adam with the given hyper-parameters and common options (weight decay = L2). */
    public static Optimizer adam(double beta1, double beta2, double eps, OptimizerOptions options) {
        return start(Adam.CONCEPT, options, "beta1", beta1, "beta2", beta2, "eps", eps);
    }

    /** AdamW with default betas and epsilon and its default decoupled weight decay (0.01). */
    public static Optimizer adamW() {
        return AdamW.CONCEPT.create().start();
    }

    /** AdamW with default betas and epsilon and the given decoupled weight decay. */
    public static Optimizer adamW(double weightDecay) {
        return AdamW.CONCEPT.create(Map.of("weightDecay", weightDecay)).start();
    }

    /** AdamW with the given hyper-parameters; {@code options.weightDecay()} is the decoupled decay. */
    public static Optimizer adamW(double beta1, double beta2, double eps, OptimizerOptions options) {
        return start(AdamW.CONCEPT, options, "beta1", beta1, "beta2", beta2, "eps", eps);
    }

    private static Optimizer start(Concept<OptimizerSpec> concept, OptimizerOptions options, Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        args.put("weightDecay", options.weightDecay());
        args.put("clipNorm", options.clipNorm());
        return concept.create(args).start(options.decayMask());
    }
}
