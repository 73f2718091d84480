package mlpkit.core.optim;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Inverse scaling: in epoch k (0-based),
 * <pre>
 *   per = epoch (default):  eta_k = eta_0 / (k + 1)^power
 *   per = sample:           eta_k = eta_0 / (k * n + 1)^power,   n = the training rows
 * </pre>
 * {@code per = sample} is scikit-learn's {@code learning_rate='invscaling'} ({@code power_t = 0.5}), which
 * counts its time {@code t_} in samples seen and sets the rate at the end of each epoch from it
 * ({@code SGDOptimizer.iteration_ends(t_)}: {@code eta_0 / (t_ + 1)^power_t}); the default counts epochs
 * instead, so its rate falls far more slowly.
 */
public record InverseScaling(double power, String per) implements ScheduleSpec, LearningRateSchedule {
    /** Time counted in epochs. */
    public static final String EPOCH = "epoch";
    /** Time counted in training rows seen, as scikit-learn. */
    public static final String SAMPLE = "sample";

    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "inverseScaling").alias("invscaling")
            .summary("η₀ / (t + 1)^power, t the epochs (or samples) seen before this epoch")
            .param(Param.real("power", 0.5).atLeast(0).doc("the decay exponent").hint("e.g. 0.5, as scikit-learn's power_t"))
            .param(Param.text("per", EPOCH, EPOCH, SAMPLE)
                    .doc("what t counts: epoch, or sample (the training rows seen, scikit-learn's invscaling)"))
            .build(InverseScaling.class);

    public InverseScaling {
        CONCEPT.check(power, per);
    }

    /** Time counted in epochs. */
    public InverseScaling(double power) {
        this(power, EPOCH);
    }

    @Override
    public double rate(double baseRate, int epoch) {
        if (SAMPLE.equals(per)) {
            throw new IllegalStateException(notation() + " counts the training rows seen, which this schedule was not "
                    + "given; start it with start(epochs, trainingRows)");
        }
        return rate(baseRate, epoch, 1);
    }

    private double rate(double baseRate, int epoch, int rowsPerEpoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate / Math.pow((double) epoch * rowsPerEpoch + 1.0, power);
    }

    @Override
    public LearningRateSchedule start(int epochs) {
        return this;
    }

    @Override
    public LearningRateSchedule start(int epochs, int trainingRows) {
        if (!SAMPLE.equals(per)) {
            return this;
        }
        if (trainingRows < 1) {
            throw Validation.fail("trainingRows", Integer.toString(trainingRows), "[1, " + Integer.MAX_VALUE + "]",
                    "pass the number of training rows, which " + notation() + " counts");
        }
        return (baseRate, epoch) -> rate(baseRate, epoch, trainingRows);
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
