package mlpkit.core.optim.lbfgs;

import mlpkit.core.network.Objective;

/**
 * An {@link Objective} as L-BFGS minimises it: the mean loss ({@code lossSum / denominator}: per row, or per unit of
 * weight for a weighted objective, as scikit-learn's MLP minimises) and its gradient, with a count of evaluations.
 */
final class MeanObjective {
    private final Objective objective;
    private int evaluations;

    MeanObjective(Objective objective) {
        this.objective = objective;
    }

    int dimension() {
        return objective.dimension();
    }

    int evaluations() {
        return evaluations;
    }

    /** The mean loss at {@code x}, its gradient written into {@code g}. */
    double evaluate(double[] x, double[] g) {
        Objective.Evaluation e = objective.evaluate(x, g);
        evaluations++;
        double scale = 1.0 / e.denominator();
        for (int i = 0; i < g.length; i++) {
            g[i] *= scale;
        }
        return e.lossSum() * scale;
    }
}
