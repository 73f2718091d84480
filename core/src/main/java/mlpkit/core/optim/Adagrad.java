package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Adagrad (Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization", JMLR 12, 2011), in the diagonal form of PyTorch's {@code torch.optim.Adagrad} with
 * {@code lr_decay = 0}. With {@code s} the sum of all squared gradients so far, started at
 * {@code initialAccumulator}:
 * <pre>
 *   s &lt;- s + g^2
 *   theta &lt;- theta - eta * g / (sqrt(s) + eps)
 * </pre>
 * Each entry's step shrinks as its squared gradients add up: entries with rare or small gradients keep
 * larger steps. {@code eps} is added outside the root and the update is computed in PyTorch's order
 * ({@code addcmul}, {@code sqrt().add_(eps)}, {@code addcdiv}), so that the iterates agree with PyTorch's
 * to the last bit. Defaults are PyTorch's ({@code lr = 0.01}, {@code initial_accumulator_value = 0},
 * {@code eps = 1e-10}); Keras' {@code Adagrad} differs ({@code lr = 0.001}, accumulator 0.1,
 * {@code epsilon = 1e-7}). The weight decay is an L2 penalty added to the gradient, as PyTorch's
 * {@code weight_decay}. State: {@code "sum"}.
 */
public record Adagrad(double lr, double initialAccumulator, double eps, double weightDecay, double clipNorm)
        implements EntryWiseUpdate {
    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "adagrad")
            .summary("divides the gradient by the root of the sum of all its squares (Duchi et al. 2011, PyTorch's form)")
            .param(OptimizerParams.lr(0.01))
            .param(Param.real("initialAccumulator", 0.0).atLeast(0)
                    .doc("the starting value of the sum of squared gradients s")
                    .hint("use 0 (PyTorch's default) or a small positive value such as 0.1 (Keras')"))
            .param(OptimizerParams.eps(1e-10))
            .param(OptimizerParams.weightDecay(0.0))
            .param(OptimizerParams.clipNorm())
            .build(Adagrad.class);

    public Adagrad {
        CONCEPT.check(lr, initialAccumulator, eps, weightDecay, clipNorm);
    }

    @Override
    public List<String> stateNames() {
        return List.of("sum");
    }

    @Override
    public double initialState(int k) {
        return initialAccumulator;
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to) {
        final double[] s = state[0];
        for (int i = from; i < to; i++) {
            double g = grads[i];
            double si = s[i] + g * g;                              // state_sum.addcmul_(g, g, value=1)
            s[i] = si;
            params[i] -= eta * g / (Math.sqrt(si) + eps);          // addcdiv_(g, sqrt().add_(eps), value=−η)
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
