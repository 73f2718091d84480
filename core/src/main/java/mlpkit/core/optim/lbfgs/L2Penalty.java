package mlpkit.core.optim.lbfgs;

import mlpkit.core.network.Objective;

/**
 * An {@link Objective} plus the L2 penalty (λ/2)·‖W‖² on the entries a mask marks (a network's weights, not its
 * biases), per row: with n the rows of an evaluation,
 * <pre>
 *   lossSum' = lossSum + n · (λ/2) · Σ_{i marked} θ_i²        gradient' = gradient + n · λ · θ   (marked entries)
 * </pre>
 * so that the mean L-BFGS minimises is mean loss + (λ/2)‖W‖² (n is the evaluation's denominator: for a weighted
 * objective its sum of weights, as scikit-learn ≥ 1.7 divides its L2 term by {@code sw_sum}). scikit-learn's MLP adds (α/2)‖W‖² / n_train to
 * its mean loss: its {@code alpha} is λ · n_train.
 */
public final class L2Penalty implements Objective {
    private final Objective objective;
    private final double lambda;
    private final boolean[] mask;

    /**
     * @param objective the unpenalised objective
     * @param lambda    λ ≥ 0
     * @param mask      the penalised entries, one per parameter; null penalises every entry
     */
    public L2Penalty(Objective objective, double lambda, boolean[] mask) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("the L2 penalty expected a finite λ >= 0, got " + lambda
                    + ": use the optimiser's weightDecay, 0 for none");
        }
        if (mask != null && mask.length != objective.dimension()) {
            throw new IllegalArgumentException("the L2 penalty expected a mask of " + objective.dimension()
                    + " entries (one per parameter), got " + mask.length + ": pass the network's layout().weightMask()");
        }
        this.objective = objective;
        this.lambda = lambda;
        this.mask = mask == null ? null : mask.clone();
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    @Override
    public Evaluation evaluate(double[] parameters, double[] gradient) {
        Evaluation e = objective.evaluate(parameters, gradient);
        double scale = lambda * e.denominator();
        double squares = 0;
        for (int i = 0; i < parameters.length; i++) {
            if (mask == null || mask[i]) {
                squares += parameters[i] * parameters[i];
                gradient[i] += scale * parameters[i];
            }
        }
        return new Evaluation(e.lossSum() + 0.5 * scale * squares, e.rows(), e.denominator());
    }

    @Override
    public Evaluation value(double[] parameters) {
        Evaluation e = objective.value(parameters);
        double squares = 0;
        for (int i = 0; i < parameters.length; i++) {
            if (mask == null || mask[i]) {
                squares += parameters[i] * parameters[i];
            }
        }
        return new Evaluation(e.lossSum() + 0.5 * lambda * e.denominator() * squares, e.rows(), e.denominator());
    }
}
