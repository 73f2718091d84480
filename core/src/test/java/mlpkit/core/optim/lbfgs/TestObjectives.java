package mlpkit.core.optim.lbfgs;

import mlpkit.core.network.Objective;

/** Smooth test functions with known minima, as {@link Objective}s of one row. */
final class TestObjectives {
    private TestObjectives() {
    }

    /** A function of x with its gradient, written as one row's loss. */
    interface Smooth extends Objective {
        double f(double[] x, double[] g);

        @Override
        default Evaluation evaluate(double[] parameters, double[] gradient) {
            return new Evaluation(f(parameters, gradient), 1);
        }

        @Override
        default Evaluation value(double[] parameters) {
            return new Evaluation(f(parameters, new double[parameters.length]), 1);
        }
    }

    /** Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1). */
    static Smooth rosenbrock(int n) {
        return new Smooth() {
            public int dimension() {
                return n;
            }

            public double f(double[] x, double[] g) {
                java.util.Arrays.fill(g, 0);
                double sum = 0;
                for (int i = 0; i + 1 < n; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    sum += 100 * a * a + b * b;
                    g[i] += -400 * x[i] * a - 2 * b;
                    g[i + 1] += 200 * a;
                }
                return sum;
            }
        };
    }

    /**
     * ½xᵀAx − bᵀx + ½x*ᵀAx* for a symmetric positive definite A and b = Ax*, computed as ½(x − x*)ᵀA(x − x*) so
     * that its minimum value is 0: near x* the loss then keeps its relative precision (in the expanded form,
     * ½λ_min·(1e-8)² is below the rounding of a loss of size ½x*ᵀAx*, and neither we nor scipy could see it).
     * The gradient is A(x − x*) = Ax − b.
     */
    static Smooth quadratic(double[][] a, double[] solution) {
        int n = solution.length;
        return new Smooth() {
            public int dimension() {
                return n;
            }

            public double f(double[] x, double[] g) {
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    e[i] = x[i] - solution[i];
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double ae = 0;
                    for (int j = 0; j < n; j++) {
                        ae += a[i][j] * e[j];
                    }
                    g[i] = ae;
                    sum += 0.5 * e[i] * ae;
                }
                return sum;
            }
        };
    }

    /**
     * A = Q diag(λ) Qᵀ with λ spaced geometrically from 1 to {@code condition} and Q the Householder reflection
     * I − 2vvᵀ/vᵀv of v = (1, 2, …, n).
     */
    static double[][] illConditioned(int n, double condition) {
        double[] v = new double[n];
        double vv = 0;
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
            vv += v[i] * v[i];
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * Math.pow(condition, k / (n - 1.0)) * q[j][k];
                }
                a[i][j] = s;
            }
        }
        return a;
    }
}
