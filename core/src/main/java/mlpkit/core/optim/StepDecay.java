package mlpkit.core.optim;

/**
 * Step decay: the rate is multiplied by {@code factor} every {@code every} epochs,
 * <pre>
 *   eta(epoch) = eta_0 * factor^floor(epoch / every)
 * </pre>
 * (PyTorch's {@code StepLR} with {@code step_size = every}, {@code gamma = factor}). For example
 * {@code every = 10}, {@code factor = 0.5} halves the rate at epochs 10, 20, 30, ...
 * Notation {@code step(every=10, factor=0.5)}.
 *
 * @param every  the number of epochs between decays, {@code >= 1}
 * @param factor the multiplier applied at each decay, in {@code (0, 1]}
 */
public record StepDecay(int every, double factor) implements LearningRateSchedule {

    /** Validates the parameters. */
    public StepDecay {
        Validation.atLeastOne("every", every, "pass the number of epochs between decays, e.g. 10");
        Validation.zeroExclusiveOneInclusive("factor", factor,
                "pass the multiplier applied at each decay, e.g. 0.5 to halve the rate");
    }

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate * Math.pow(factor, epoch / every);
    }

    @Override
    public String notation() {
        return new Notation("step").add("every", every).add("factor", factor).toString();
    }
}
