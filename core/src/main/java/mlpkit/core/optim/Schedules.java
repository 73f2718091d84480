package mlpkit.core.optim;

/**
 * Static factories for the built-in learning-rate schedules of a run, for Java callers:
 * <pre>
 *   LearningRateSchedule s = Schedules.step(10, 0.5);
 *   double eta = s.rate(0.1, epoch);   // at the start of every epoch
 * </pre>
 */
public final class Schedules {

    private Schedules() {
    }

    /** {@code eta_0} at every epoch. */
    public static LearningRateSchedule constant() {
        return new Constant();
    }

    /** {@code eta_0 * factor^floor(epoch / every)}. */
    public static LearningRateSchedule step(int every, double factor) {
        return new StepDecay(every, factor);
    }

    /** {@code eta_0 * gamma^epoch}. */
    public static LearningRateSchedule exponential(double gamma) {
        return new ExponentialDecay(gamma);
    }

    /** {@code eta_0 / (epoch + 1)^power} (scikit-learn's invscaling, counted in epochs). */
    public static LearningRateSchedule inverseScaling(double power) {
        return new InverseScaling(power);
    }

    /** Cosine decay from {@code eta_0} to 0 over {@code totalEpochs}. */
    public static LearningRateSchedule cosine(int totalEpochs) {
        return cosine(totalEpochs, 0.0);
    }

    /** Cosine decay from {@code eta_0} to {@code minRate} over {@code totalEpochs}. */
    public static LearningRateSchedule cosine(int totalEpochs, double minRate) {
        return new CosineDecay(minRate).start(totalEpochs);
    }
}
