package mlpkit.core.optim;

import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;

/**
 * A learning-rate schedule as configured, an immutable value such as {@code step(every=10, factor=0.5)}.
 * Each schedule is one concept file; {@link #start} gives the {@link LearningRateSchedule} a run of a
 * known number of epochs follows (stateless schedules are their own).
 */
public interface ScheduleSpec extends Conceptual {
    /** The kind "schedule": arguments written by name, {@code step(every=10, factor=0.5)}. */
    Kind<ScheduleSpec> KIND = Kind.named("schedule", ScheduleSpec.class);

    /** The schedule of a run of {@code epochs} epochs (fresh state for a stateful schedule). */
    LearningRateSchedule start(int epochs);

    /**
     * The schedule of a run of {@code epochs} epochs over {@code trainingRows} training rows; the same as
     * {@link #start(int)} for a schedule that does not count samples (scikit-learn's invscaling does).
     */
    default LearningRateSchedule start(int epochs, int trainingRows) {
        return start(epochs);
    }
}
