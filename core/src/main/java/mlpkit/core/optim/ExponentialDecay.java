package mlpkit.core.optim;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/** Exponential decay per epoch, eta(epoch) = eta_0 * gamma^epoch (PyTorch's {@code ExponentialLR}). */
public record ExponentialDecay(double gamma) implements ScheduleSpec, LearningRateSchedule {
    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "exponential")
            .summary("η₀·γ^epoch")
            .param(Param.real("gamma").greaterThan(0).atMost(1).doc("the per-epoch multiplier γ")
                    .hint("e.g. 0.95 (1 keeps the rate constant)"))
            .build(ExponentialDecay.class);

    public ExponentialDecay {
        CONCEPT.check(gamma);
    }

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate * Math.pow(gamma, epoch);
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
