package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

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
 * Classical momentum is Polyak's heavy ball in the form of Sutskever, Martens, Dahl &amp; Hinton (ICML
 * 2013, eq. (1)-(2)); the Nesterov variant is the "look-ahead" reformulation of Bengio,
 * Boulanger-Lewandowski &amp; Pascanu (ICASSP 2013). These are exactly the formulas of Keras' {@code SGD}.
 * PyTorch stores {@code b = -v / eta} instead ({@code b <- mu*b + g}; {@code theta <- theta - eta*b});
 * with a constant learning rate the two give the same iterates, when the rate changes they differ
 * slightly and this class follows Keras. State: {@code "velocity"} when {@code momentum > 0}.
 */
public record Sgd(double lr, double momentum, boolean nesterov, double weightDecay, double clipNorm) implements OptimizerSpec {
    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "sgd")
            .summary("stochastic gradient descent, with classical or Nesterov momentum (Keras' form)")
            .param(OptimizerParams.lr(0.01))
            .param(Param.real("momentum", 0.0).atLeast(0).lessThan(1).doc("the momentum μ")
                    .hint("use 0 for plain SGD or a typical value such as 0.9"))
            .param(Param.bool("nesterov", false).doc("Nesterov's look-ahead momentum"))
            .param(OptimizerParams.weightDecay(0.0))
            .param(OptimizerParams.clipNorm())
            .rule("nesterov", args -> !args.bool("nesterov") || args.real("momentum") > 0,
                    "false when momentum is 0", "set a momentum such as 0.9, or use nesterov=false for plain SGD")
            .build(Sgd.class);

    public Sgd {
        CONCEPT.check(lr, momentum, nesterov, weightDecay, clipNorm);
    }

    @Override
    public List<String> stateNames() {
        return momentum > 0 ? List.of("velocity") : List.of();
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t) {
        if (momentum == 0) {
            for (int i = 0; i < params.length; i++) {
                params[i] -= eta * grads[i];
            }
            return;
        }
        final double mu = momentum;
        final double[] v = state[0];
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
    public Concept<OptimizerSpec> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
