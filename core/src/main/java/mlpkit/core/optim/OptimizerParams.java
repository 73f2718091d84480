package mlpkit.core.optim;

import mlpkit.core.concept.Param;

/** The parameters optimisers share, declared once: each optimiser's concept lists the ones it takes. */
public final class OptimizerParams {
    private OptimizerParams() {
    }

    /** The base learning rate η, with this optimiser's default. */
    public static Param lr(double defaultValue) {
        return Param.real("lr", defaultValue).greaterThan(0).doc("the base learning rate η").hint("try 0.01");
    }

    /** The weight decay λ, with this optimiser's default. */
    public static Param weightDecay(double defaultValue) {
        return Param.real("weightDecay", defaultValue).atLeast(0)
                .doc("weight decay λ on the weights (not the biases)")
                .hint("use 0 for no decay or a small coefficient such as 1e-4");
    }

    /** Where the L2 weight decay is divided by the batch's row count: {@value #PER_BATCH} (λθ) or {@value #PER_SAMPLE} (λθ/rows). */
    public static final String PER_BATCH = "batch";
    /** The scikit-learn scaling of the L2 term, λθ/rows added to the mean gradient. */
    public static final String PER_SAMPLE = "sample";

    /**
     * How the L2 weight decay λ scales with the batch: {@code batch} adds λθ to the batch's mean gradient
     * (PyTorch's {@code weight_decay}, Keras' {@code l2(λ/2)}); {@code sample} adds λθ/rows, the gradient of
     * λ/(2·rows)·‖W‖² that scikit-learn's {@code alpha} adds to each batch's mean loss.
     */
    public static Param weightDecayPer() {
        return Param.text("weightDecayPer", PER_BATCH, PER_BATCH, PER_SAMPLE)
                .doc("batch: λθ is added to the mean gradient (PyTorch, Keras); sample: λθ/rows (scikit-learn's alpha)");
    }

    /** Clipping by global norm (0 = off). */
    public static Param clipNorm() {
        return Param.real("clipNorm", 0.0).atLeast(0).doc("the largest global gradient norm (0: no clipping)")
                .hint("0 turns clipping off; e.g. 1.0");
    }

    /** A moment decay rate β in [0, 1). */
    public static Param beta(String name, double defaultValue) {
        return Param.real(name, defaultValue).atLeast(0).lessThan(1).doc("a moment decay rate")
                .hint("use a moment decay rate such as 0.9 for beta1 or 0.999 for beta2");
    }

    /** A small positive ε; the hint suggests this optimiser's own default (RMSProp's 1e-7 is not Adam's 1e-8). */
    public static Param eps(double defaultValue) {
        return Param.real("eps", defaultValue).greaterThan(0).doc("ε, for numerical stability")
                .hint("use a small positive constant such as " + Param.number(defaultValue));
    }
}
