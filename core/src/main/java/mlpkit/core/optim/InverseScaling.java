package mlpkit.core.optim;

/**
 * Inverse scaling, after scikit-learn's {@code learning_rate='invscaling'}:
 * <pre>
 *   eta(epoch) = eta_0 / (epoch + 1)^powerT
 * </pre>
 * scikit-learn's {@code MLPClassifier}/{@code MLPRegressor} (solver {@code 'sgd'}) use
 * {@code eta_0 / t^power_t} with {@code t} the number of <em>samples</em> seen so far, updated
 * after every mini-batch; this schedule counts <em>epochs</em> instead ({@code epoch + 1}, so the
 * rate is {@code eta_0} in the first epoch), so the same {@code powerT} decays far more slowly
 * here. scikit-learn's default is {@code power_t = 0.5}. Notation
 * {@code inverseScaling(powerT=0.5)}.
 *
 * @param powerT the exponent, {@code >= 0} ({@code 0} keeps the rate constant)
 */
public record InverseScaling(double powerT) implements LearningRateSchedule {

    /** Validates the parameter. */
    public InverseScaling {
        Validation.nonNegative("powerT", powerT, "pass the decay exponent, e.g. 0.5 as in scikit-learn");
    }

    @Override
    public double rate(double baseRate, int epoch) {
        Validation.learningRate("baseRate", baseRate);
        Validation.epoch(epoch);
        return baseRate / Math.pow(epoch + 1.0, powerT);
    }

    @Override
    public String notation() {
        return new Notation("inverseScaling").add("powerT", powerT).toString();
    }
}
