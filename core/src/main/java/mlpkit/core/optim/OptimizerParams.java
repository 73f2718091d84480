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
