package mlpkit.core.optim.lbfgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WolfeLineSearchTest {

    /** φ(α) = −α / (α² + 2) (Moré and Thuente's first test function) as a function of x. */
    private static TestObjectives.Smooth moreThuente1() {
        return oneD(x -> -x / (x * x + 2), x -> (x * x - 2) / Math.pow(x * x + 2, 2));
    }

    /** φ(α) = (α + 0.004)⁵ − 2(α + 0.004)⁴ (Moré and Thuente's second test function). */
    private static TestObjectives.Smooth moreThuente2() {
        return oneD(x -> Math.pow(x + 0.004, 5) - 2 * Math.pow(x + 0.004, 4),
                x -> 5 * Math.pow(x + 0.004, 4) - 8 * Math.pow(x + 0.004, 3));
    }

    private static TestObjectives.Smooth oneD(java.util.function.DoubleUnaryOperator f,
                                              java.util.function.DoubleUnaryOperator df) {
        return new TestObjectives.Smooth() {
            public int dimension() {
                return 1;
            }

            public double f(double[] x, double[] g) {
                g[0] = df.applyAsDouble(x[0]);
                return f.applyAsDouble(x[0]);
            }
        };
    }

    static Stream<Arguments> cases() {
        double[] sines = new double[20];
        for (int i = 0; i < 20; i++) {
            sines[i] = Math.sin(i + 1);
        }
        TestObjectives.Smooth quadratic = TestObjectives.quadratic(TestObjectives.illConditioned(20, 1e4), sines);
        Stream.Builder<Arguments> cases = Stream.builder();
        for (double step : new double[] {1e-3, 1e-1, 1, 10, 1e3}) { // Moré and Thuente's first steps, and 1
            cases.add(Arguments.of("Rosenbrock 2-D from (−1.2, 1)", TestObjectives.rosenbrock(2), new double[] {-1.2, 1}, step));
            cases.add(Arguments.of("Rosenbrock 10-D from (−1.2, 1, …)", TestObjectives.rosenbrock(10),
                    new double[] {-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1}, step));
            cases.add(Arguments.of("quadratic, condition 1e4, from 0", quadratic, new double[20], step));
            cases.add(Arguments.of("Moré–Thuente φ₁ from 0", moreThuente1(), new double[1], step));
            cases.add(Arguments.of("Moré–Thuente φ₂ from 0", moreThuente2(), new double[1], step));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}, first step {3}")
    @MethodSource("cases")
    void theStepReturnedAlongTheUnitSteepestDescentMeetsBothStrongWolfeConditions(String name, TestObjectives.Smooth f,
                                                                               double[] x, double initialStep) {
        int n = x.length;
        double[] g0 = new double[n];
        double f0 = f.f(x, g0);
        double norm = Math.sqrt(WolfeLineSearch.dot(g0, g0));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = -g0[i] / norm;
        }
        double dphi0 = WolfeLineSearch.dot(g0, d);
        WolfeLineSearch search = new WolfeLineSearch(n);
        MeanObjective counted = new MeanObjective(f);
        assertTrue(search.search(counted, x, f0, g0, d, initialStep, LbfgsOptions.DEFAULTS.maxLineSearch()), name);
        assertTrue(counted.evaluations() <= LbfgsOptions.DEFAULTS.maxLineSearch());

        double alpha = search.step();
        double[] point = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = x[i] + alpha * d[i];
        }
        double[] g = new double[n];
        double phi = f.f(point, g);
        assertArrayEquals(point, search.point(), 0.0, "the search's point is x + αd");
        assertEquals(phi, search.value(), 0.0, "the search's value is f(x + αd)");
        assertArrayEquals(g, search.gradient(), 0.0, "the search's gradient is ∇f(x + αd)");
        assertTrue(phi <= f0 + WolfeLineSearch.C1 * alpha * dphi0,
                "sufficient decrease: φ(" + alpha + ") = " + phi + " vs φ(0) = " + f0 + ", φ'(0) = " + dphi0);
        assertTrue(Math.abs(WolfeLineSearch.dot(g, d)) <= WolfeLineSearch.C2 * Math.abs(dphi0),
                "curvature: |φ'(" + alpha + ")| = " + Math.abs(WolfeLineSearch.dot(g, d)) + " vs 0.9·|φ'(0)| = "
                        + WolfeLineSearch.C2 * Math.abs(dphi0));
    }

    @Test
    void theCubicStepIsTheMinimiserOfTheCubicThroughBothEnds() {
        // p(α) = α³ − 3α: p(0) = 0, p'(0) = −3, p(2) = 2, p'(2) = 9; its local minimiser is α = 1.
        assertEquals(1.0, WolfeLineSearch.cubicMinimiser(0, 0, -3, 2, 2, 9), 1e-15);
        assertEquals(1.0, WolfeLineSearch.cubicMinimiser(2, 2, 9, 0, 0, -3), 1e-15);
    }

    @Test
    void aSearchThatRunsOutOfEvaluationsReturnsFalseInsteadOfThrowing() {
        TestObjectives.Smooth f = TestObjectives.rosenbrock(2);
        double[] x = {-1.2, 1};
        double[] g0 = new double[2];
        double f0 = f.f(x, g0);
        MeanObjective counted = new MeanObjective(f);
        assertFalse(new WolfeLineSearch(2).search(counted, x, f0, g0, new double[] {-g0[0], -g0[1]}, 1e3, 1),
                "a first step of 1000 along −g overshoots and one evaluation cannot bracket and zoom");
        assertEquals(1, counted.evaluations());
    }

    @Test
    void anAscentDirectionIsRefusedWithTheSlopeItHas() {
        TestObjectives.Smooth f = TestObjectives.rosenbrock(2);
        double[] x = {-1.2, 1};
        double[] g0 = new double[2];
        double f0 = f.f(x, g0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WolfeLineSearch(2).search(new MeanObjective(f), x, f0, g0, g0.clone(), 1, 20));
        assertTrue(e.getMessage().contains("descent direction"), e.getMessage());
    }
}
