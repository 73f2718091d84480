package mlpkit.core.activation;

import mlpkit.core.concept.Concept;

/**
 * softplus (Dugas et al., "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
 * NIPS 2000; Glorot, Bordes &amp; Bengio, AISTATS 2011), as PyTorch's {@code nn.Softplus(beta=1)} and Keras'
 * {@code softplus}:
 *
 * <pre>
 *   f(z)  = log(1 + e^z)  = max(z, 0) + log1p(e^−|z|)
 *   f'(z) = σ(z)          = (z ≥ 0 ? 1 : e) / (1 + e) with e = e^−|z|
 * </pre>
 *
 * Both forms keep the exponent ≤ 0, so nothing overflows for any z, and log1p keeps the tail e^z for z ≪ 0
 * to full relative precision. The derivative is computed from z (from a it would be 1 − e^−a, which needs
 * another exponential and loses σ's relative precision for z ≫ 0). PyTorch returns z itself above its
 * {@code threshold=20}; we do not: we compute the exact function everywhere (the two differ by
 * log1p(e^−z) &lt; 2.1e−9 there, and f' by e^−z/(1 + e^−z)). f &gt; 0; it has no kink.
 */
public record Softplus() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "softplus")
            .summary("log(1 + e^z); f' = σ(z)")
            .build(Softplus.class);

    @Override
    public double value(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double derivative(double z, double a) {
        double e = Math.exp(-Math.abs(z));
        return (z >= 0 ? 1.0 : e) / (1.0 + e);
    }

    @Override
    public double minOutput() {
        return 0.0;
    }

    @Override
    public Concept<Activation> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
