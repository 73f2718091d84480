package mlpkit.core.optim;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Step decay: the rate is multiplied by {@code factor} every {@code every} epochs,
 * eta(epoch) = eta_0 * factor^floor(epoch / every) (PyTorch's {@code StepLR} with
 * {@code step_size = every}, {@code gamma = factor}). {@code every = 10}, {@code factor = 0.5} halves the
 * rate at epochs 10, 20, 30, ...
 */
public record StepDecay(int every, double factor) implements ScheduleSpec, LearningRateSchedule {
    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "step")
            .summary("η₀·factor^⌊epoch/every⌋")
            .param(Param.integer("every").atLeast(1).doc("epochs between decays").hint("pass the number of epochs between decays, e.g. 10"))
            .param(Param.real("factor").greaterThan(0).atMost(1).doc("the multiplier at each decay")
                    .hint("e.g. 0.5 halves the rate"))
            .build(StepDecay.class);

    public StepDecay {
        CONCEPT.check(every, factor);
    }

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate * Math.pow(factor, epoch / every);
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
