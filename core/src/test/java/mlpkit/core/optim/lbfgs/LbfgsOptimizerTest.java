package mlpkit.core.optim.lbfgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.concept.NotationException;
import mlpkit.core.concept.Registry;
import mlpkit.core.network.Objective;
import mlpkit.core.optim.FullBatchRun;
import mlpkit.core.optim.OptimizerSpec;
import org.junit.jupiter.api.Test;

class LbfgsOptimizerTest {
    @Test
    void lbfgsAtItsDefaultsHasScikitLearnsAndScipysDefaults() {
        LbfgsOptimizer lbfgs = (LbfgsOptimizer) Registry.builtIns().parse(OptimizerSpec.KIND, "lbfgs");
        assertEquals(new LbfgsOptimizer(10, 15000, 1e-4, 1e7 * Math.ulp(1.0), 20, 0.0), lbfgs);
        assertEquals(new LbfgsOptions(10, 200, 15000, 2.220446049250313e-9, 1e-4, 20), lbfgs.options(200));
        assertTrue(lbfgs.fullBatch());
        assertEquals("lbfgs(m=5, tol=1.0e-6)", new LbfgsOptimizer(5, 15000, 1e-6, 1e7 * Math.ulp(1.0), 20, 0.0).notation());
    }

    @Test
    void aHistorySizeOfZeroIsRefusedNamingTheParameterAndItsRange() {
        NotationException e = assertThrows(NotationException.class,
                () -> Registry.builtIns().parse(OptimizerSpec.KIND, "lbfgs(m=0)"));
        assertTrue(e.getMessage().contains("column 9: expected a whole number ≥ 1 for m of lbfgs, found 0; 10 is scipy's default"),
                e.getMessage());
    }

    @Test
    void theL2PenaltyAddsHalfLambdaTimesTheSquaredMaskedEntriesPerRowAndItsGradientMatchesFiniteDifferences() {
        Objective base = TestObjectives.rosenbrock(3);
        boolean[] mask = {true, false, true};
        L2Penalty penalised = new L2Penalty(base, 0.5, mask);
        double[] x = {0.3, -0.7, 1.1};
        double[] g0 = new double[3];
        double[] g = new double[3];
        Objective.Evaluation plain = base.evaluate(x, g0);
        Objective.Evaluation e = penalised.evaluate(x, g);
        assertEquals(plain.lossSum() + plain.rows() * 0.25 * (0.09 + 1.21), e.lossSum(), 1e-12);
        assertEquals(e.lossSum(), penalised.value(x).lossSum(), 1e-12);
        for (int i = 0; i < 3; i++) {
            double h = 1e-6;
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (penalised.value(up).lossSum() - penalised.value(down).lossSum()) / (2 * h);
            assertEquals(fd, g[i], 1e-6, "entry " + i);
        }
        assertEquals(g0[1], g[1], 0.0, "the unmasked entry keeps its gradient");
    }

    @Test
    void withWeightDecayLbfgsFindsTheMinimumOfTheQuadraticPlusTheL2PenaltyAtTTimesOneOverOnePlusLambda() {
        // ½‖θ − t‖² + (λ/2)‖θ‖² is least at θ = t / (1 + λ); with λ = 1: t / 2.
        double[] target = {1.0, -2.0, 0.5, 3.0};
        Objective quadratic = TestObjectives.quadratic(identity(4), target);
        FullBatchRun run = new LbfgsOptimizer(10, 15000, 1e-10, 0.0, 20, 1.0).startFullBatch(quadratic, new double[4], 100, null);
        while (run.iterate()) {
            assertEquals(run.iterations() >= 100, run.stopped() && !run.converged());
        }
        assertEquals(StopReason.GRADIENT_BELOW_GTOL.scipyText(), run.stopReason());
        assertTrue(run.converged());
        assertArrayEquals(new double[] {0.5, -1.0, 0.25, 1.5}, run.parameters(), 1e-9);
    }

    @Test
    void drivingARunOneIterationAtATimeGivesMinimizesIteratesAndReasonBitForBit() {
        Objective f = TestObjectives.rosenbrock(4);
        double[] start = {-1.2, 1, -1.2, 1};
        LbfgsOptions options = LbfgsOptions.DEFAULTS.withMaxIter(30);
        LbfgsResult whole = new Lbfgs(options).minimize(f, start);
        LbfgsRun run = new Lbfgs(options).start(f, start);
        int iterations = 0;
        while (run.iterate()) {
            iterations++;
            assertEquals(whole.lossCurve()[iterations], run.loss(), 0.0, "iteration " + iterations);
            assertTrue(run.step() > 0);
        }
        assertEquals(whole.iterations(), iterations);
        assertEquals(whole.reason(), run.reason());
        assertEquals(StopReason.ITERATION_LIMIT.scipyText(), run.stopReason());
        assertArrayEquals(whole.parameters(), run.parameters(), 0.0);
        assertFalse(run.iterate(), "a stopped run makes no more iterations");
        assertEquals(30, run.iterations());
    }

    private static double[][] identity(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        return a;
    }
}
