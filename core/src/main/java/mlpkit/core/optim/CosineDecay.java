package mlpkit.core.optim;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Cosine decay from eta_0 to {@code minRate} over the run's epochs (Loshchilov &amp; Hutter's SGDR without
 * restarts, PyTorch's {@code CosineAnnealingLR} with {@code T_max} = the run's epochs):
 * eta(epoch) = minRate + ½(eta_0 − minRate)(1 + cos(π·min(epoch, T)/T)).
 */
public record CosineDecay(double minRate) implements ScheduleSpec {
    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "cosine")
            .summary("minRate + ½(η₀ − minRate)(1 + cos(π·epoch/epochs)) over the run")
            .param(Param.real("minRate", 0.0).atLeast(0).doc("the final learning rate, at most lr")
                    .hint("pass the final learning rate, e.g. 0 or 1e-5"))
            .build(CosineDecay.class);

    public CosineDecay {
        CONCEPT.check(minRate);
    }

    /** The schedule over {@code totalEpochs} epochs. */
    @Override
    public LearningRateSchedule start(int totalEpochs) {
        Validation.atLeastOne("totalEpochs", totalEpochs,
                "pass the number of epochs over which to decay, usually the planned epoch count");
        return (baseRate, epoch) -> {
            Validation.learningRate("baseRate", baseRate);
            Validation.epoch(epoch);
            if (minRate > baseRate) {
                throw Validation.fail("minRate", Param.number(minRate), "[0, lr] = [0, " + Param.number(baseRate) + "]",
                        "the cosine schedule decays from the learning rate down to minRate; lower minRate or raise lr");
            }
            int e = Math.min(epoch, totalEpochs);
            return minRate + 0.5 * (baseRate - minRate) * (1.0 + Math.cos(Math.PI * e / totalEpochs));
        };
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
