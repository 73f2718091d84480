package mlpkit.core.optim;

/**
 * Cosine annealing without restarts (Loshchilov &amp; Hutter, "SGDR: Stochastic Gradient Descent
 * with Warm Restarts", ICLR 2017, eq. (5); PyTorch's {@code CosineAnnealingLR}):
 * <pre>
 *   e = min(epoch, totalEpochs)
 *   eta(epoch) = minRate + 1/2 * (eta_0 - minRate) * (1 + cos(pi * e / totalEpochs))
 * </pre>
 * The rate falls from {@code eta_0} at epoch 0 to {@code minRate} at epoch {@code totalEpochs}
 * and stays there afterwards. Notation {@code cosine(totalEpochs=100)} or
 * {@code cosine(totalEpochs=100, minRate=1e-4)} (the default {@code minRate = 0} is omitted).
 *
 * @param totalEpochs the number of epochs over which the rate decays, {@code >= 1}
 * @param minRate     the final rate, {@code >= 0} and not above the base rate
 */
public record CosineDecay(int totalEpochs, double minRate) implements LearningRateSchedule {

    /** Validates the parameters. */
    public CosineDecay {
        Validation.atLeastOne("totalEpochs", totalEpochs,
                "pass the number of epochs over which to decay, usually the planned epoch count");
        Validation.nonNegative("minRate", minRate, "pass the final learning rate, e.g. 0 or 1e-5");
    }

    /** Cosine decay to 0 over {@code totalEpochs}. */
    public CosineDecay(int totalEpochs) {
        this(totalEpochs, 0.0);
    }

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        if (minRate > baseRate) {
            throw Validation.fail("minRate", Notation.number(minRate), "[0, baseRate] = [0, "
                    + Notation.number(baseRate) + "]", "the cosine schedule decays from baseRate down to minRate; "
                    + "lower minRate or raise the base learning rate");
        }
        int e = Math.min(epoch, totalEpochs);
        return minRate + 0.5 * (baseRate - minRate) * (1.0 + Math.cos(Math.PI * e / totalEpochs));
    }

    @Override
    public String notation() {
        Notation n = new Notation("cosine").add("totalEpochs", totalEpochs);
        if (minRate != 0.0) {
            n.add("minRate", minRate);
        }
        return n.toString();
    }
}
