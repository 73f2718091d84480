package mlpkit.core.optim.lbfgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class LbfgsAllocationTest {

    private static long allocatedBy(Runnable run) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        run.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void aHundredMoreIterationsOnAThousandParametersAllocateLessThanOneParameterVector() {
        int n = 1000;
        TestObjectives.Smooth rosenbrock = TestObjectives.rosenbrock(n);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        LbfgsOptions options = LbfgsOptions.DEFAULTS.withTol(0).withGtol(0);
        Lbfgs shortRun = new Lbfgs(options.withMaxIter(20));
        Lbfgs longRun = new Lbfgs(options.withMaxIter(120));
        for (int warm = 0; warm < 10; warm++) { // until the JIT has compiled the line search too
            shortRun.minimize(rosenbrock, start);
            longRun.minimize(rosenbrock, start);
        }
        LbfgsResult[] results = new LbfgsResult[2];
        long shortBytes = allocatedBy(() -> results[0] = shortRun.minimize(rosenbrock, start));
        long longBytes = allocatedBy(() -> results[1] = longRun.minimize(rosenbrock, start));
        assertEquals(StopReason.ITERATION_LIMIT, results[1].reason(), results[1]::toString);
        int moreEvaluations = results[1].evaluations() - results[0].evaluations();
        // The history (2·10 vectors), the work vectors and the results are the same for both runs; what differs is
        // one Objective.Evaluation per evaluation (the objective's own record of loss sum, rows and the mean's
        // denominator: 40 bytes each) and the loss curve's 100 more entries, twice (the preallocated curve and the
        // result's copy). Measured: exactly that.
        long allowed = 40L * moreEvaluations + 2 * 8L * 100 + 64;
        assertTrue(longBytes - shortBytes < allowed, "100 more iterations (" + moreEvaluations + " more evaluations) allocated "
                + (longBytes - shortBytes) + " bytes more; one parameter vector is " + 8 * n + " bytes, allowed " + allowed);
    }
}
