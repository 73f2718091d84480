package mlpkit.core.optim.lbfgs;

/**
 * What an {@link Lbfgs} run ends with.
 *
 * @param reason       why it stopped
 * @param parameters   the last accepted point
 * @param loss         the mean loss there (the objective's sum over its rows)
 * @param gradientNorm the largest absolute entry of the mean loss's gradient there (what {@code gtol} tests)
 * @param iterations   the iterations made (accepted steps)
 * @param evaluations  the evaluations of loss and gradient, including the first
 * @param skippedPairs the (s, y) pairs left out of the history because {@code sᵀy ≤ ε·(−gᵀs)} (L-BFGS-B's test)
 * @param lossCurve    the loss at the start and after each iteration ({@code iterations + 1} values)
 */
public record LbfgsResult(StopReason reason, double[] parameters, double loss, double gradientNorm, int iterations,
                          int evaluations, int skippedPairs, double[] lossCurve) {

    /** One line: the reason (ours and scipy's) and the counts. */
    @Override
    public String toString() {
        return "L-BFGS stopped: " + reason.words() + " (" + reason.scipyText() + ") after " + iterations
                + " iterations and " + evaluations + " evaluations; loss " + loss + ", gradient max-norm " + gradientNorm;
    }
}
