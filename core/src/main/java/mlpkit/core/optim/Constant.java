package mlpkit.core.optim;

/** The constant schedule: {@code eta(epoch) = eta_0}. Notation {@code constant()}. */
public record Constant() implements LearningRateSchedule {

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate;
    }

    @Override
    public String notation() {
        return new Notation("constant").toString();
    }
}
