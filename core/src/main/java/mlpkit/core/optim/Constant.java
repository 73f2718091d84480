package mlpkit.core.optim;

import mlpkit.core.concept.Concept;

/** The same rate every epoch: eta(epoch) = eta_0. */
public record Constant() implements ScheduleSpec, LearningRateSchedule {
    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "constant")
            .summary("η(epoch) = η₀")
            .build(Constant.class);

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate;
    }

    @Override
    public LearningRateSchedule start(int epochs) {
        return this;
    }

    @Override
    public Concept<ScheduleSpec> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
