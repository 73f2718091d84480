package mlpkit.core.optim.lbfgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Moré and Thuente's line search on their own test functions and on L-BFGS's problems. */
class MoreThuenteLineSearchTest {

    /** φ(α) = −α / (α² + 2) (Moré and Thuente's first test function) as a function of x. */
    private static TestObjectives.Smooth moreThuente1() {
        return oneD(x -> -x / (x * x + 2), x -> (x * x - 2) / ((x * x + 2) * (x * x + 2)));
    }

    /** φ(α) = (α + 0.004)⁵ − 2(α + 0.004)⁴ (Moré and Thuente's second test function). */
    private static TestObjectives.Smooth moreThuente2() {
        // products, not Math.pow, as the fixture script computes them: the same roundings on both sides
        return oneD(x -> (x + 0.004) * (x + 0.004) * ((x + 0.004) * (x + 0.004)) * (x + 0.004)
                        - 2 * ((x + 0.004) * (x + 0.004) * ((x + 0.004) * (x + 0.004))),
                x -> 5 * ((x + 0.004) * (x + 0.004) * ((x + 0.004) * (x + 0.004)))
                        - 8 * ((x + 0.004) * (x + 0.004)) * (x + 0.004));
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
        }
        return cases.build();
    }

    /** φ₂ is left out: along it dcsrch itself ends on its XTOL warning (see the fixture test below). */
    @ParameterizedTest(name = "{0}, first step {3}")
    @MethodSource("cases")
    void theStepReturnedAlongTheUnitSteepestDescentMeetsTheSufficientDecreaseWithFtol1eMinus3AndTheCurvatureConditionWithGtol0Point9(String name, TestObjectives.Smooth f,
                                                                               double[] x, double initialStep) {
        int n = x.length;
        double[] g0 = new double[n];
        double f0 = f.f(x, g0);
        double norm = Math.sqrt(Lbfgs.dot(g0, g0));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = -g0[i] / norm;
        }
        double dphi0 = Lbfgs.dot(g0, d);
        MoreThuenteLineSearch search = new MoreThuenteLineSearch(n);
        MeanObjective counted = new MeanObjective(f);
        double[] atOne = new double[n];
        for (int i = 0; i < n; i++) {
            atOne[i] = x[i] + d[i];
        }
        assertTrue(search.search(counted, x, f0, g0, d, atOne, initialStep, LbfgsOptions.DEFAULTS.maxLineSearch()), name);
        assertTrue(counted.evaluations() <= LbfgsOptions.DEFAULTS.maxLineSearch());

        double alpha = search.step();
        double[] point = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = alpha == 1 ? atOne[i] : alpha * d[i] + x[i];
        }
        double[] g = new double[n];
        double phi = f.f(point, g);
        assertArrayEquals(point, search.point(), 0.0, "the search's point is x + αd");
        assertEquals(phi, search.value(), 0.0, "the search's value is f(x + αd)");
        assertArrayEquals(g, search.gradient(), 0.0, "the search's gradient is ∇f(x + αd)");
        assertTrue(phi <= f0 + MoreThuenteLineSearch.FTOL * alpha * dphi0,
                "sufficient decrease: φ(" + alpha + ") = " + phi + " vs φ(0) = " + f0 + ", φ'(0) = " + dphi0);
        assertTrue(Math.abs(Lbfgs.dot(g, d)) <= MoreThuenteLineSearch.GTOL * Math.abs(dphi0),
                "curvature: |φ'(" + alpha + ")| = " + Math.abs(Lbfgs.dot(g, d)) + " vs 0.9·|φ'(0)| = "
                        + MoreThuenteLineSearch.GTOL * Math.abs(dphi0));
    }

    /** f = x²/2 from x = 1 but reporting −x as the gradient: along d = +1 it rises while its slope says it falls. */
    private static TestObjectives.Smooth liar() {
        return oneD(x -> 0.5 * x * x, x -> -x);
    }

    @ParameterizedTest(name = "{0} from first step {1}")
    @CsvSource({"phi1, 0.001", "phi1, 0.1", "phi1, 1.0", "phi1, 10.0", "phi1, 1000.0",
                "phi2, 0.001", "phi2, 0.1", "phi2, 1.0", "phi2, 10.0", "phi2, 1000.0",
                "liar, 0.001", "liar, 0.1", "liar, 1.0", "liar, 10.0", "liar, 1000.0"})
    void theTrialStepsAreMinpackDcsrchsToTheLastBitAndItEndsWhereDcsrchDoes(String function, double first)
            throws IOException {
        Properties scipy = new Properties();
        try (InputStream in = getClass().getResourceAsStream("scipy_lbfgsb.properties")) {
            scipy.load(in);
        }
        String key = "search." + function + "." + first;
        double[] expected = Arrays.stream(scipy.getProperty(key + ".steps").split(",")).mapToDouble(Double::parseDouble).toArray();
        String task = scipy.getProperty(key + ".task");
        TestObjectives.Smooth f = switch (function) {
            case "phi1" -> moreThuente1();
            case "phi2" -> moreThuente2();
            default -> liar();
        };
        double x0 = function.equals("liar") ? 1 : 0;
        List<Double> trials = new ArrayList<>();
        TestObjectives.Smooth recorded = new TestObjectives.Smooth() {
            public int dimension() {
                return 1;
            }

            public double f(double[] x, double[] g) {
                trials.add(x[0] - x0);
                return f.f(x, g);
            }
        };
        double[] x = {x0};
        double[] g0 = new double[1];
        double f0 = f.f(x, g0);
        MoreThuenteLineSearch search = new MoreThuenteLineSearch(1);
        boolean accepted = search.search(new MeanObjective(recorded), x, f0, g0, new double[] {1}, new double[] {x0 + 1}, first, 20);
        // x0 + α·1 − x0 is α exactly for x0 = 0; for the liar (x0 = 1) the trial point is rounded to 1 + α, so compare
        // the points: |(1 + α) − (1 + α_scipy)| is 0 when both ask for the same α.
        assertEquals(expected.length, trials.size(), () -> "trials " + trials + " vs dcsrch's " + Arrays.toString(expected));
        for (int k = 0; k < expected.length; k++) {
            assertEquals((x0 + expected[k]) - x0, trials.get(k), 0.0, "trial " + k + ": " + trials);
        }
        assertEquals(!task.equals("FG"), accepted, "dcsrch ended with " + task);
        if (accepted) {
            assertEquals(expected[expected.length - 1], search.step(), 0.0, "the last trial is accepted");
        }
    }

    @Test
    void theCubicStepIsTheMinimiserOfTheCubicThroughBothEndsFromEitherEnd() {
        // p(α) = α³ − 3α: p(0) = 0, p'(0) = −3, p(2) = 2, p'(2) = 9; its local minimiser is α = 1.
        assertEquals(1.0, MoreThuenteLineSearch.cubicMinimiser(0, 0, -3, 2, 2, 9, MoreThuenteLineSearch.theta(0, 0, -3, 2, 2, 9), false), 1e-15);
        assertEquals(1.0, MoreThuenteLineSearch.cubicMinimiser(2, 2, 9, 0, 0, -3, MoreThuenteLineSearch.theta(0, 0, -3, 2, 2, 9), false), 1e-15);
    }

    @Test
    void theGuardedCubicStepExistsOnlyWhenTheMinimiserLiesBeyondTheTrialAwayFromTheOtherEnd() {
        // p(α) = α³ − 3α again, seen from a = 0.5 (p' = −2.25) towards b = 0 (p' = −3): the slope shrinks in magnitude
        // going right, and the minimiser 1 lies beyond a, away from b: r = (1 − 0.5) / (0 − 0.5) = −1 < 0.
        assertEquals(1.0, MoreThuenteLineSearch.cubicMinimiser(0.5, -1.375, -2.25, 0, 0, -3, MoreThuenteLineSearch.theta(0, 0, -3, 0.5, -1.375, -2.25), true), 1e-15);
        // from a = 0 towards b = 0.5 the minimiser is on b's side: no guarded step.
        assertTrue(Double.isNaN(MoreThuenteLineSearch.cubicMinimiser(0, 0, -3, 0.5, -1.375, -2.25, MoreThuenteLineSearch.theta(0.5, -1.375, -2.25, 0, 0, -3), true)));
    }

    @Test
    void aSearchThatRunsOutOfEvaluationsReturnsFalseInsteadOfThrowing() {
        TestObjectives.Smooth f = TestObjectives.rosenbrock(2);
        double[] x = {-1.2, 1};
        double[] g0 = new double[2];
        double f0 = f.f(x, g0);
        MeanObjective counted = new MeanObjective(f);
        double[] d = {-g0[0], -g0[1]};
        double[] atOne = {x[0] + d[0], x[1] + d[1]};
        assertFalse(new MoreThuenteLineSearch(2).search(counted, x, f0, g0, d, atOne, 1e3, 1),
                "a first step of 1000 along −g overshoots and one evaluation cannot bracket and shrink");
        assertEquals(1, counted.evaluations());
    }

    @Test
    void anAscentDirectionFailsWithoutAnyEvaluationAsLbfgsBsInfoMinus4() {
        TestObjectives.Smooth f = TestObjectives.rosenbrock(2);
        double[] x = {-1.2, 1};
        double[] g0 = new double[2];
        double f0 = f.f(x, g0);
        MeanObjective counted = new MeanObjective(f);
        double[] atOne = {x[0] + g0[0], x[1] + g0[1]};
        assertFalse(new MoreThuenteLineSearch(2).search(counted, x, f0, g0, g0.clone(), atOne, 1, 20));
        assertEquals(0, counted.evaluations());
    }

    @Test
    void aFirstStepOutsideZeroToTheLargestStepIsRefusedWithTheRange() {
        TestObjectives.Smooth f = TestObjectives.rosenbrock(2);
        double[] x = {-1.2, 1};
        double[] g0 = new double[2];
        double f0 = f.f(x, g0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MoreThuenteLineSearch(2)
                .search(new MeanObjective(f), x, f0, g0, new double[] {-g0[0], -g0[1]}, x.clone(), 0, 20));
        assertTrue(e.getMessage().contains("(0, 1.0E10]") && e.getMessage().contains("got 0.0"), e.getMessage());
    }
}
