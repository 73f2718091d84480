package mlpkit.core.optim;

/**
 * The Adam moment update shared by {@link Adam} and {@link AdamW} (Kingma &amp; Ba, "Adam: A
 * Method for Stochastic Optimization", ICLR 2015, Algorithm 1):
 * <pre>
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   mHat = m / (1 - beta1^t)
 *   vHat = v / (1 - beta2^t)
 *   theta &lt;- theta - eta * mHat / (sqrt(vHat) + eps)
 * </pre>
 * and the "epsilon hat" form of Keras and scikit-learn ({@link #applyEpsilonHat}).
 */
final class AdamUpdate {

    private AdamUpdate() {
    }

    static void apply(double[] params, double[] grads, double[] m, double[] v,
                      double eta, double beta1, double beta2, double eps, long t, int from, int to) {
        final double oneMinusBeta1 = 1.0 - beta1;
        final double oneMinusBeta2 = 1.0 - beta2;
        final double biasCorrection1 = 1.0 - Math.pow(beta1, t);
        final double biasCorrection2 = 1.0 - Math.pow(beta2, t);
        for (int i = from; i < to; i++) {
            double g = grads[i];
            double mi = beta1 * m[i] + oneMinusBeta1 * g;
            double vi = beta2 * v[i] + oneMinusBeta2 * (g * g);
            m[i] = mi;
            v[i] = vi;
            double mHat = mi / biasCorrection1;
            double vHat = vi / biasCorrection2;
            params[i] -= eta * mHat / (Math.sqrt(vHat) + eps);
        }
    }

    /**
     * The moments as in {@link #apply}, then, with ε on the uncorrected root (Keras' {@code Adam} and
     * scikit-learn's {@code AdamOptimizer}): alpha_t = eta·sqrt(1 − beta2^t)/(1 − beta1^t),
     * theta &lt;- theta − alpha_t·m/(sqrt(v) + eps).
     */
    static void applyEpsilonHat(double[] params, double[] grads, double[] m, double[] v,
                                double eta, double beta1, double beta2, double eps, long t, int from, int to) {
        final double oneMinusBeta1 = 1.0 - beta1;
        final double oneMinusBeta2 = 1.0 - beta2;
        final double alpha = eta * Math.sqrt(1.0 - Math.pow(beta2, t)) / (1.0 - Math.pow(beta1, t));
        for (int i = from; i < to; i++) {
            double g = grads[i];
            double mi = beta1 * m[i] + oneMinusBeta1 * g;
            double vi = beta2 * v[i] + oneMinusBeta2 * (g * g);
            m[i] = mi;
            v[i] = vi;
            params[i] -= alpha * mi / (Math.sqrt(vi) + eps);
        }
    }
}
