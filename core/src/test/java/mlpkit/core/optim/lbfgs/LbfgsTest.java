package mlpkit.core.optim.lbfgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.concept.ConceptException;
import org.junit.jupiter.api.Test;

class LbfgsTest {
    private static final LbfgsOptions TIGHT = LbfgsOptions.DEFAULTS.withTol(0).withGtol(1e-10).withMaxIter(2000);

    @Test
    void theTwoDimensionalRosenbrockFunctionIsMinimisedFromMinusOnePointTwoOneToOneOneWithin1eMinus8() {
        LbfgsResult result = new Lbfgs(TIGHT).minimize(TestObjectives.rosenbrock(2), new double[] {-1.2, 1});
        assertEquals(StopReason.GRADIENT_BELOW_GTOL, result.reason(), result::toString);
        assertArrayEquals(new double[] {1, 1}, result.parameters(), 1e-8, result::toString);
        assertTrue(result.loss() < 1e-16, result::toString);
    }

    @Test
    void theTenDimensionalRosenbrockFunctionIsMinimisedWithin1eMinus8() {
        double[] start = new double[10];
        for (int i = 0; i < 10; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        LbfgsResult result = new Lbfgs(TIGHT).minimize(TestObjectives.rosenbrock(10), start);
        assertEquals(StopReason.GRADIENT_BELOW_GTOL, result.reason(), result::toString);
        double[] ones = new double[10];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, result.parameters(), 1e-8, result::toString);
    }

    @Test
    void anIllConditionedQuadraticWithConditionNumber1e4ReachesItsKnownSolutionWithin1eMinus8() {
        int n = 20;
        double[][] a = TestObjectives.illConditioned(n, 1e4);
        double[] solution = new double[n];
        for (int i = 0; i < n; i++) {
            solution[i] = Math.sin(i + 1);
        }
        LbfgsResult result = new Lbfgs(TIGHT).minimize(TestObjectives.quadratic(a, solution), new double[n]);
        assertEquals(StopReason.GRADIENT_BELOW_GTOL, result.reason(), result::toString);
        assertArrayEquals(solution, result.parameters(), 1e-8, result::toString);
    }

    @Test
    void theLossCurveStartsAtTheFirstLossFallsAtEveryIterationAndEndsAtTheFinalLoss() {
        LbfgsResult result = new Lbfgs(TIGHT).minimize(TestObjectives.rosenbrock(2), new double[] {-1.2, 1});
        double[] curve = result.lossCurve();
        assertEquals(result.iterations() + 1, curve.length);
        assertEquals(24.2, curve[0], 1e-12, "Rosenbrock at (−1.2, 1): 100·(1 − 1.44)² + 2.2² = 19.36 + 4.84");
        for (int k = 1; k < curve.length; k++) {
            assertTrue(curve[k] < curve[k - 1], "iteration " + k + " lowers the loss: " + Arrays.toString(curve));
        }
        assertEquals(result.loss(), curve[curve.length - 1]);
    }

    @Test
    void theStartIsNotModified() {
        double[] start = {-1.2, 1};
        new Lbfgs().minimize(TestObjectives.rosenbrock(2), start);
        assertArrayEquals(new double[] {-1.2, 1}, start);
    }

    @Test
    void threeIterationsAtMostStopAtTheIterationLimitWithScipysText() {
        LbfgsResult result = new Lbfgs(LbfgsOptions.DEFAULTS.withMaxIter(3))
                .minimize(TestObjectives.rosenbrock(2), new double[] {-1.2, 1});
        assertEquals(StopReason.ITERATION_LIMIT, result.reason());
        assertEquals("STOP: TOTAL NO. of ITERATIONS REACHED LIMIT", result.reason().scipyText());
        assertEquals(3, result.iterations());
        assertEquals(4, result.lossCurve().length);
    }

    @Test
    void fiveEvaluationsAtMostStopAtTheEvaluationLimitWithoutExceedingIt() {
        LbfgsResult result = new Lbfgs(LbfgsOptions.DEFAULTS.withMaxFun(5))
                .minimize(TestObjectives.rosenbrock(2), new double[] {-1.2, 1});
        assertEquals(StopReason.EVALUATION_LIMIT, result.reason(), result::toString);
        assertEquals("STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT", result.reason().scipyText());
        assertEquals(5, result.evaluations(), result::toString);
    }

    @Test
    void aHugeTolStopsAfterTheFirstIterationOnTheLossChange() {
        LbfgsResult result = new Lbfgs(LbfgsOptions.DEFAULTS.withTol(1e10))
                .minimize(TestObjectives.rosenbrock(2), new double[] {-1.2, 1});
        assertEquals(StopReason.LOSS_CHANGE_BELOW_TOL, result.reason());
        assertEquals("CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH", result.reason().scipyText());
        assertEquals("the loss changed by less than tol", result.reason().words());
        assertEquals(1, result.iterations());
        assertTrue(result.reason().converged());
    }

    @Test
    void aGradientAlreadyBelowGtolAtTheStartStopsBeforeAnyIterationWithOneEvaluation() {
        LbfgsResult result = new Lbfgs(LbfgsOptions.DEFAULTS.withGtol(1e3))
                .minimize(TestObjectives.rosenbrock(2), new double[] {-1.2, 1});
        assertEquals(StopReason.GRADIENT_BELOW_GTOL, result.reason());
        assertEquals("CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL", result.reason().scipyText());
        assertEquals(0, result.iterations());
        assertEquals(1, result.evaluations());
        assertEquals(215.6, result.gradientNorm(), 1e-12, "|∂f/∂x₁| = |−400·(−1.2)·(1 − 1.44) − 2·2.2| = 215.6");
        assertArrayEquals(new double[] {-1.2, 1}, result.parameters());
    }

    @Test
    void aGradientOfTheWrongSignMakesTheLineSearchFailAsAbnormalTermination() {
        // f = ½x² but the reported gradient is −x: every "descent" direction goes uphill. From x = 1 this is the
        // line search of MoreThuenteLineSearchTest's "liar" fixture with first step 1/‖d‖ = 1, along which MINPACK-2's
        // dcsrch has not ended after 20 evaluations either.
        TestObjectives.Smooth liar = new TestObjectives.Smooth() {
            public int dimension() {
                return 1;
            }

            public double f(double[] x, double[] g) {
                g[0] = -x[0];
                return 0.5 * x[0] * x[0];
            }
        };
        LbfgsResult result = new Lbfgs().minimize(liar, new double[] {1});
        assertEquals(StopReason.LINE_SEARCH_FAILED, result.reason(), result::toString);
        assertEquals("ABNORMAL_TERMINATION_IN_LNSRCH", result.reason().scipyText());
        assertEquals(0, result.iterations());
        assertEquals(1 + LbfgsOptions.DEFAULTS.maxLineSearch(), result.evaluations(), "the start and one bounded search");
        assertArrayEquals(new double[] {1}, result.parameters(), "the last accepted point is kept");
    }

    @Test
    void aMonitorThatSaysStopEndsTheRunAfterThatIteration() {
        List<Integer> seen = new ArrayList<>();
        LbfgsResult result = new Lbfgs().minimize(TestObjectives.rosenbrock(2), new double[] {-1.2, 1},
                (iteration, loss, gradientNorm) -> {
                    seen.add(iteration);
                    return iteration < 2;
                });
        assertEquals(StopReason.CALLBACK, result.reason());
        assertEquals(List.of(1, 2), seen);
        assertEquals(2, result.iterations());
    }

    @Test
    void aPairIsKeptWhenSTransposeYExceedsEpsilonTimesTheDecreaseMinusGTransposeSWhateverTheSizeOfY() {
        // f = ½x₁² + K·x₁·x₂ + x₁ from 0: g = (1, 0), d = (−1, 0), φ(α) = ½α² − α, so the first trial α = 1/‖d‖ = 1
        // has φ'(1) = 0 and is accepted: s = (−1, 0), y = (−1, −K), sᵀy = 1 and −gᵀs = 1. L-BFGS-B keeps the pair
        // (1 > ε·1) however large ‖y‖² = 1 + K² is; a test against ε‖y‖² would drop it for K = 1e9.
        for (double k : new double[] {1e3, 1e9}) {
            LbfgsResult kept = new Lbfgs(LbfgsOptions.DEFAULTS.withMaxIter(1)).minimize(saddle(k), new double[2]);
            assertEquals(0, kept.skippedPairs(), "K = " + k);
            assertArrayEquals(new double[] {-1, 0}, kept.parameters(), 0.0, "K = " + k);
            assertEquals(2, kept.evaluations(), "K = " + k);
        }
    }

    @Test
    void aLinearFunctionsStepEndsAtTheLargestStep1e10AndItsPairIsSkippedBecauseSTransposeYIsZero() {
        TestObjectives.Smooth linear = new TestObjectives.Smooth() {
            public int dimension() {
                return 1;
            }

            public double f(double[] x, double[] g) {
                g[0] = -1;
                return -x[0];
            }
        };
        LbfgsResult result = new Lbfgs(LbfgsOptions.DEFAULTS.withMaxIter(1)).minimize(linear, new double[1]);
        assertEquals(1e10, result.parameters()[0], 0.0, "dcsrch's WARNING: STP = STPMAX accepts the step 1e10");
        assertEquals(1, result.skippedPairs(), "y = 0, so sᵀy = 0 ≤ ε·(−gᵀs) = ε·1e10");
    }

    private static TestObjectives.Smooth saddle(double k) {
        return new TestObjectives.Smooth() {
            public int dimension() {
                return 2;
            }

            public double f(double[] x, double[] g) {
                g[0] = x[0] + k * x[1] + 1;
                g[1] = k * x[0];
                return 0.5 * x[0] * x[0] + k * x[0] * x[1] + x[0];
            }
        };
    }

    @Test
    void theTwoLoopRecursionWithOnePairEqualsTheBfgsUpdateOfGammaTimesTheIdentity() {
        double[] s = {0.3, -0.2, 0.5};
        double[] y = {0.4, 0.1, 0.6};
        double[] g = {1.0, -2.0, 0.5};
        double sy = Lbfgs.dot(s, y);
        double gamma = sy / Lbfgs.dot(y, y);
        // H = (I − ρsyᵀ)·γI·(I − ρysᵀ) + ρssᵀ, ρ = 1/sᵀy (Nocedal & Wright eq. 7.19 with H₀ = γI).
        double rho = 1 / sy;
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double h = 0;
                for (int k = 0; k < 3; k++) {
                    double left = (i == k ? 1 : 0) - rho * s[i] * y[k];
                    double right = (k == j ? 1 : 0) - rho * y[k] * s[j];
                    h += left * gamma * right;
                }
                h += rho * s[i] * s[j];
                expected[i] -= h * g[j];
            }
        }
        double[] d = new double[3];
        Lbfgs.direction(g, d, new double[][] {s}, new double[][] {y}, new double[] {rho}, new double[1], 1, 0, 1);
        assertArrayEquals(expected, d, 1e-14);
    }

    @Test
    void optionsOutOfRangeAreRefusedNamingTheSettingAndItsRange() {
        ConceptException e = assertThrows(ConceptException.class, () -> LbfgsOptions.DEFAULTS.withHistorySize(0));
        assertTrue(e.getMessage().contains("historySize"), e.getMessage());
        assertTrue(e.getMessage().contains(LbfgsOptions.HISTORY_SIZE.expectation()), e.getMessage());
        assertThrows(ConceptException.class, () -> LbfgsOptions.DEFAULTS.withTol(-1));
        assertThrows(ConceptException.class, () -> LbfgsOptions.DEFAULTS.withMaxFun(1));
    }

    @Test
    void theDefaultsAreScipysAndScikitLearns() {
        LbfgsOptions d = LbfgsOptions.DEFAULTS;
        assertEquals(10, d.historySize());
        assertEquals(200, d.maxIter());
        assertEquals(15000, d.maxFun());
        assertEquals(2.220446049250313e-09, d.tol(), 1e-24);
        assertEquals(1e-5, d.gtol());
        assertEquals(20, d.maxLineSearch());
    }

    @Test
    void aStartOfTheWrongLengthIsRefusedWithBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Lbfgs().minimize(TestObjectives.rosenbrock(3), new double[2]));
        assertTrue(e.getMessage().contains("3 parameters") && e.getMessage().contains("got 2"), e.getMessage());
    }
}
