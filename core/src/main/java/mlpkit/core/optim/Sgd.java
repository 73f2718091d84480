package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Stochastic gradient descent, optionally with classical or Nesterov momentum, in Keras' form (the default)
 * or PyTorch's.
 *
 * <p>With {@code eta} the learning rate of the step and {@code mu} the momentum, one step is:
 * <pre>
 *   plain (mu = 0):               theta &lt;- theta - eta * g                   (both conventions)
 *   keras, classical momentum:    v &lt;- mu * v - eta * g;   theta &lt;- theta + v
 *   keras, Nesterov momentum:     v &lt;- mu * v - eta * g;   theta &lt;- theta + mu * v - eta * g
 *   torch, classical momentum:    b &lt;- mu * b + g;         theta &lt;- theta - eta * b
 *   torch, Nesterov momentum:     b &lt;- mu * b + g;         theta &lt;- theta - eta * (g + mu * b)
 * </pre>
 * with the velocity {@code v} (state {@code "velocity"}) or the buffer {@code b} (state {@code "momentumBuffer"})
 * zero before the first step, so that PyTorch's first step ({@code b = g}) is the same. The keras form is
 * Polyak's heavy ball as Sutskever, Martens, Dahl &amp; Hinton write it (ICML 2013, eq. (1)-(2)) and, for
 * Nesterov, the look-ahead reformulation of Bengio, Boulanger-Lewandowski &amp; Pascanu (ICASSP 2013): the
 * formulas of Keras' {@code SGD} and of scikit-learn's {@code SGDOptimizer} ({@code solver='sgd'}). The torch
 * form is PyTorch's {@code SGD} with {@code dampening = 0}. While the learning rate is constant, {@code v = -eta * b}
 * and the two give the same iterates; when it changes they do not: the keras velocity keeps the steps taken at
 * the old rate, the torch buffer is rescaled by the new one (after a ×0.1 decay the iterates of the two forms
 * are far apart, see {@code ConventionsTest}).
 */
public record Sgd(double lr, double momentum, boolean nesterov, double weightDecay, double clipNorm,
                  String convention, String weightDecayPer) implements EntryWiseUpdate {
    /** v ← μv − ηg; θ ← θ + v (Keras, scikit-learn; the default). */
    public static final String KERAS = "keras";
    /** b ← μb + g; θ ← θ − ηb (PyTorch). */
    public static final String TORCH = "torch";

    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "sgd")
            .summary("stochastic gradient descent, with classical or Nesterov momentum (Keras' or PyTorch's form)")
            .param(OptimizerParams.lr(0.01))
            .param(Param.real("momentum", 0.0).atLeast(0).lessThan(1).doc("the momentum μ")
                    .hint("use 0 for plain SGD or a typical value such as 0.9"))
            .param(Param.bool("nesterov", false).doc("Nesterov's look-ahead momentum"))
            .param(OptimizerParams.weightDecay(0.0))
            .param(OptimizerParams.clipNorm())
            .param(Param.text("convention", KERAS, KERAS, TORCH)
                    .doc("keras: v ← μv − ηg, θ ← θ + v (also scikit-learn's); torch: b ← μb + g, θ ← θ − ηb"))
            .param(OptimizerParams.weightDecayPer())
            .rule("nesterov", args -> !args.bool("nesterov") || args.real("momentum") > 0,
                    "false when momentum is 0", "set a momentum such as 0.9, or use nesterov=false for plain SGD")
            .build(Sgd.class);

    public Sgd {
        CONCEPT.check(lr, momentum, nesterov, weightDecay, clipNorm, convention, weightDecayPer);
    }

    /** Keras' form, the L2 term per batch. */
    public Sgd(double lr, double momentum, boolean nesterov, double weightDecay, double clipNorm) {
        this(lr, momentum, nesterov, weightDecay, clipNorm, KERAS, OptimizerParams.PER_BATCH);
    }

    @Override
    public List<String> stateNames() {
        if (momentum == 0) {
            return List.of();
        }
        return List.of(TORCH.equals(convention) ? "momentumBuffer" : "velocity");
    }

    @Override
    public boolean weightDecayPerSample() {
        return OptimizerParams.PER_SAMPLE.equals(weightDecayPer);
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to) {
        if (momentum == 0) {
            for (int i = from; i < to; i++) {
                params[i] -= eta * grads[i];
            }
        } else if (TORCH.equals(convention)) {
            torchMomentum(params, grads, state[0], eta, from, to);
        } else {
            kerasMomentum(params, grads, state[0], eta, from, to);
        }
    }

    private void kerasMomentum(double[] params, double[] grads, double[] v, double eta, int from, int to) {
        final double mu = momentum;
        for (int i = from; i < to; i++) {
            double step = eta * grads[i];
            double vi = mu * v[i] - step;
            v[i] = vi;
            params[i] += nesterov ? mu * vi - step : vi;
        }
    }

    private void torchMomentum(double[] params, double[] grads, double[] b, double eta, int from, int to) {
        final double mu = momentum;
        for (int i = from; i < to; i++) {
            double g = grads[i];
            double bi = mu * b[i] + g;
            b[i] = bi;
            params[i] -= eta * (nesterov ? g + mu * bi : bi);
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
