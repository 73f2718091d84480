package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.onnx.OnnxGraph;

/**
 * The Gaussian error linear unit in its tanh approximation (Hendrycks &amp; Gimpel, "Gaussian Error Linear
 * Units (GELUs)", arXiv:1606.08415), the function of PyTorch's {@code gelu(approximate='tanh')} and Keras'
 * {@code gelu(approximate=True)} (not their default, the exact z·Φ(z)):
 *
 * <pre>
 *   u(z)  = √(2/π)(z + 0.044715 z³),   u'(z) = √(2/π)(1 + 3·0.044715 z²)
 *   f(z)  = ½ z (1 + tanh u)                          = z·s      with s = σ(2u)
 *   f'(z) = ½(1 + tanh u) + ½ z (1 − tanh² u)·u'       = s + 2z·s(1 − s)·u'
 * </pre>
 *
 * (product rule, then the chain rule through tanh and u; ½(1 + tanh u) = σ(2u) and
 * ½(1 − tanh² u) = 2σ(2u)σ(−2u)). We evaluate the σ form, computed from z: with e = e^−2|u|,
 * s = (u ≥ 0 ? 1 : e)/(1 + e) and s(1 − s) = e/(1 + e)². It is PyTorch's function, but PyTorch evaluates
 * 1 + tanh u, which cancels for z ≪ 0 (in float64 it is 7e−15 relative off at z = −3, 3e−10 at z = −5, and −0
 * instead of −3.1e−21 at z = −8). The σ form has no cancellation: what is left is the rounding of u, which e^2u
 * magnifies by 2|u| for z ≪ 0 (within about 4e−16·max(1, 2|u|) relative, measured against mpmath).
 *
 * <p>Nothing overflows: z³ is finite for |z| &lt; 5.6e102 and e ≤ 1. Once e/(1 + e)² underflows to 0
 * (|z| ≳ 21.5) the second term of f' is exactly 0 and is skipped, so no 0·∞ arises where z² overflows
 * (|z| &gt; 1.3e154): f and f' are finite for every finite z. f is bounded below (by −0.17004, at z ≈ −0.7525)
 * but that bound is not declared. No kink.
 */
public record Gelu() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "gelu")
            .summary("½z(1 + tanh(√(2/π)(z + 0.044715z³))) (PyTorch's approximate='tanh')")
            .build(Gelu.class);

    /** √(2/π), correctly rounded (the same double as PyTorch's M_SQRT2·M_2_SQRTPI·0.5). */
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double KAPPA = 0.044715;

    @Override
    public double value(double z) {
        double u = SQRT_2_OVER_PI * (z + KAPPA * z * z * z);
        double e = Math.exp(-2.0 * Math.abs(u));
        return z * ((u >= 0 ? 1.0 : e) / (1.0 + e));
    }

    @Override
    public double derivative(double z, double a) {
        double u = SQRT_2_OVER_PI * (z + KAPPA * z * z * z);
        double e = Math.exp(-2.0 * Math.abs(u));
        double onePlusE = 1.0 + e;
        double s = (u >= 0 ? 1.0 : e) / onePlusE;
        double sTimesOneMinusS = e / (onePlusE * onePlusE);
        if (sTimesOneMinusS == 0.0) {
            return s;   // the second term is 0; skipping it avoids 0·∞ where z² overflows (|z| > 1.3e154)
        }
        return s + 2.0 * z * sTimesOneMinusS * SQRT_2_OVER_PI * (1.0 + 3.0 * KAPPA * z * z);
    }

    /**
     * As computed here: z·σ(2u) with u = √(2/π)(z + 0.044715 z³), from Mul, Add and Sigmoid nodes (opset 17 has no
     * Gelu; σ(2u) = ½(1 + tanh u), so this is PyTorch's approximate='tanh' form).
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        String cube = graph.node("Mul", List.of(graph.node("Mul", List.of(z, z)), z));
        String inner = graph.node("Add", List.of(z, graph.node("Mul", List.of(cube, graph.scalar("kappa", KAPPA)))));
        String twoU = graph.node("Mul", List.of(inner, graph.scalar("two_sqrt_2_over_pi", 2.0 * SQRT_2_OVER_PI)));
        return graph.node("Mul", List.of(z, graph.node("Sigmoid", List.of(twoU))));
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
