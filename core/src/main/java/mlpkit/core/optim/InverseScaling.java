package mlpkit.core.optim;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Inverse scaling by epoch, eta(epoch) = eta_0 / (epoch + 1)^power: scikit-learn's {@code invscaling}
 * ({@code power_t = 0.5}), counted in epochs starting at 1 (scikit-learn counts its time steps in samples
 * seen).
 */
public record InverseScaling(double power) implements ScheduleSpec, LearningRateSchedule {
    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "inverseScaling").alias("invscaling")
            .summary("η₀ / (epoch + 1)^power")
            .param(Param.real("power", 0.5).atLeast(0).doc("the decay exponent").hint("e.g. 0.5, as scikit-learn's power_t"))
            .build(InverseScaling.class);

    public InverseScaling {
        CONCEPT.check(power);
    }

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate / Math.pow(epoch + 1.0, power);
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
