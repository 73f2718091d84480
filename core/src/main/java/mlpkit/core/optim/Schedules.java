package mlpkit.core.optim;

/**
 * Static factories for the built-in learning-rate schedules, for Java callers:
 * <pre>
 *   LearningRateSchedule s = Schedules.step(10, 0.5);
 *   double eta = s.rate(0.1, epoch);   // at the start of every epoch
 * </pre>
 */
public final class Schedules {

    private Schedules() {
    }

    /** {@code eta_0} at every epoch. */
    public static Constant constant() {
        return new Constant();
    }

    /** {@code eta_0 * factor^floor(epoch / every)}. */
    public static StepDecay step(int every, double factor) {
        return new StepDecay(every, factor);
    }

    /** {@code eta_0 * gamma^epoch}. */
    public static ExponentialDecay exponential(double gamma) {
        return new ExponentialDecay(gamma);
    }

    /** {@code eta_0 / (epoch + 1)^powerT} (scikit-learn's invscaling, counted in epochs). */
    public static InverseScaling inverseScaling(double powerT) {
        return new InverseScaling(powerT);
    }

    /** Cosine decay from {@code eta_0} to 0 over {@code totalEpochs}. */
    public static CosineDecay cosine(int totalEpochs) {
        return new CosineDecay(totalEpochs);
    }

    /** Cosine decay from {@code eta_0} to {@code minRate} over {@code totalEpochs}. */
    public static CosineDecay cosine(int totalEpochs, double minRate) {
        return new CosineDecay(totalEpochs, minRate);
    }
}
