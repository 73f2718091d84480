package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * RMSProp (Tieleman &amp; Hinton, "Lecture 6.5 - rmsprop", COURSERA: Neural Networks for Machine
 * Learning, 2012). With {@code s} the running mean of squared gradients (zero before the first step):
 * <pre>
 *   s &lt;- rho * s + (1 - rho) * g^2
 *   keras (default):  theta &lt;- theta - eta * g / sqrt(s + eps)
 *   torch:            theta &lt;- theta - eta * g / (sqrt(s) + eps)
 * </pre>
 * The default is the form and the defaults of Keras ({@code keras.optimizers.RMSprop}: {@code rho = 0.9},
 * {@code epsilon = 1e-7}, no momentum, not centred), with {@code eps} <em>inside</em> the square root.
 * {@code convention=torch} puts {@code eps} outside the root as PyTorch's {@code RMSprop} does; only the formula
 * follows the convention, so PyTorch's defaults are {@code rmsprop(convention=torch, lr=0.01, rho=0.99, eps=1e-8)}
 * (its {@code alpha} is {@code rho}; no momentum, not centred). State: {@code "meanSquare"}.
 */
public record RmsProp(double lr, double rho, double eps, double weightDecay, double clipNorm, String convention)
        implements EntryWiseUpdate {
    /** ε inside the root (the default). */
    public static final String KERAS = "keras";
    /** ε added to the root. */
    public static final String TORCH = "torch";

    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "rmsprop").alias("rmsProp")
            .summary("divides the gradient by a running root mean square (ε inside the root as Keras, or outside as PyTorch)")
            .param(OptimizerParams.lr(0.001))
            .param(Param.real("rho", 0.9).atLeast(0).lessThan(1).doc("the decay rate of the mean square")
                    .hint("use the decay rate of the running mean of g², typically 0.9"))
            .param(OptimizerParams.eps(1e-7))
            .param(OptimizerParams.weightDecay(0.0))
            .param(OptimizerParams.clipNorm())
            .param(Param.text("convention", KERAS, KERAS, TORCH)
                    .doc("where ε goes: keras divides by √(s + ε), torch by √s + ε"))
            .build(RmsProp.class);

    public RmsProp {
        CONCEPT.check(lr, rho, eps, weightDecay, clipNorm, convention);
    }

    /** Keras' form. */
    public RmsProp(double lr, double rho, double eps, double weightDecay, double clipNorm) {
        this(lr, rho, eps, weightDecay, clipNorm, KERAS);
    }

    @Override
    public List<String> stateNames() {
        return List.of("meanSquare");
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to) {
        final double oneMinusRho = 1.0 - rho;
        final double[] s = state[0];
        final boolean torch = TORCH.equals(convention);
        for (int i = from; i < to; i++) {
            double g = grads[i];
            double si = rho * s[i] + oneMinusRho * (g * g);
            s[i] = si;
            params[i] -= eta * g / (torch ? Math.sqrt(si) + eps : Math.sqrt(si + eps));
        }
    }

    @Override
    public Concept<OptimizerSpec> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
