package mlpkit.core.optim.lbfgs;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.network.Objective;
import mlpkit.core.optim.FullBatchRun;
import mlpkit.core.optim.OptimizerParams;
import mlpkit.core.optim.OptimizerSpec;

/**
 * L-BFGS as a solver of training runs, {@code lbfgs(m=10, maxFun=15000, tol=1e-4)}: a full-batch method
 * ({@link #fullBatch()}), so one epoch of a run is one L-BFGS iteration (scikit-learn's {@code n_iter_}) over
 * every training row, and the run's {@code epochs} is its {@code maxIter}. It minimises
 * <pre>
 *   mean training loss + (λ/2)·‖W‖²      (λ = weightDecay, on the weights, not the biases)
 * </pre>
 * scikit-learn's {@code alpha} is λ·n_train ({@link L2Penalty}). Parameters and scikit-learn / scipy names:
 * {@code m} = scipy's {@code maxcor}; {@code maxFun} = {@code max_fun}; {@code tol} = scikit-learn's {@code tol},
 * which it passes to scipy as {@code gtol} (the gradient's max-norm); {@code ftol} = scipy's {@code ftol}
 * (relative loss change, scikit-learn leaves it at scipy's default); {@code maxLineSearch} = {@code maxls}.
 * The batch size, the learning rate and a schedule do not apply: the line search chooses each step.
 */
public record LbfgsOptimizer(int m, int maxFun, double tol, double ftol, int maxLineSearch, double weightDecay)
        implements OptimizerSpec {
    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "lbfgs")
            .summary("limited-memory BFGS, full batch: one epoch is one iteration over every training row (scikit-learn's solver='lbfgs')")
            .param(Param.integer("m", (Integer) LbfgsOptions.HISTORY_SIZE.defaultValue()).atLeast(1)
                    .doc(LbfgsOptions.HISTORY_SIZE.doc()).hint(LbfgsOptions.HISTORY_SIZE.hint()))
            .param(LbfgsOptions.MAX_FUN)
            .param(Param.real("tol", 1e-4).atLeast(0)
                    .doc("stop when the gradient's largest absolute entry is ≤ tol (scikit-learn's tol, scipy's gtol)")
                    .hint("1e-4 is scikit-learn's default; 0 never stops on the gradient"))
            .param(Param.real("ftol", (Double) LbfgsOptions.TOL.defaultValue()).atLeast(0)
                    .doc("stop when the loss's relative decrease (f_k − f_k+1) / max(|f_k|, |f_k+1|, 1) is ≤ ftol (scipy's ftol = factr · eps)")
                    .hint(LbfgsOptions.TOL.hint()))
            .param(LbfgsOptions.MAX_LINE_SEARCH)
            .param(OptimizerParams.weightDecay(0.0))
            .build(LbfgsOptimizer.class);

    public LbfgsOptimizer {
        CONCEPT.check(m, maxFun, tol, ftol, maxLineSearch, weightDecay);
    }

    /** L-BFGS's first trial step along its direction; not a parameter (the line search chooses each step). */
    @Override
    public double lr() {
        return 1.0;
    }

    /** Never clips: a clipped gradient would break the line search's Wolfe conditions. */
    @Override
    public double clipNorm() {
        return 0.0;
    }

    @Override
    public boolean fullBatch() {
        return true;
    }

    /** The core options of a run of at most {@code maxIter} iterations. */
    public LbfgsOptions options(int maxIter) {
        return new LbfgsOptions(m, maxIter, maxFun, ftol, tol, maxLineSearch);
    }

    @Override
    public FullBatchRun startFullBatch(Objective objective, double[] start, int maxIter, boolean[] decayMask) {
        Objective penalised = weightDecay > 0 ? new L2Penalty(objective, weightDecay, decayMask) : objective;
        return new Lbfgs(options(maxIter)).start(penalised, start);
    }

    @Override
    public List<String> stateNames() {
        return List.of();
    }

    /** Not a mini-batch rule: the training loop drives L-BFGS through {@link #startFullBatch}. */
    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t) {
        throw new UnsupportedOperationException("lbfgs is full-batch: it has no per-batch update; drive it with startFullBatch "
                + "(a training run does this when its optimizer is lbfgs)");
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
