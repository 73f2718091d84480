package mlpkit.core.optim;

/**
 * Exponential decay per epoch:
 * <pre>
 *   eta(epoch) = eta_0 * gamma^epoch
 * </pre>
 * (PyTorch's {@code ExponentialLR}). Notation {@code exponential(gamma=0.95)}.
 *
 * @param gamma the per-epoch multiplier, in {@code (0, 1]}
 */
public record ExponentialDecay(double gamma) implements LearningRateSchedule {

    /** Validates the parameter. */
    public ExponentialDecay {
        Validation.zeroExclusiveOneInclusive("gamma", gamma,
                "pass the per-epoch multiplier, e.g. 0.95 (1 keeps the rate constant)");
    }

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate * Math.pow(gamma, epoch);
    }

    @Override
    public String notation() {
        return new Notation("exponential").add("gamma", gamma).toString();
    }
}
