package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import mlpkit.core.TestData;
import mlpkit.core.loss.Losses;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.optim.Optimizers;
import mlpkit.core.optim.Sgd;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** A training step reuses its buffers: once the JIT has compiled the loop, a step allocates nothing. */
class SteadyStateAllocationTest {
    @Test
    void aTrainingStepReusesItsBuffersAndAllocatesNothingOnceCompiled() {
        NetworkSpec spec = NetworkSpec.parse("network < dense(32, relu); dense(16, sigmoid); dense(10, sigmoid) >");
        Network network = Network.build(spec, 64, Losses.HALF_SUM_SQUARED_ERROR, 1L);
        MersenneTwister rng = new MersenneTwister(2);
        DenseMatrix x = TestData.gaussian(rng, 16, 64);
        DenseMatrix y = TestData.gaussian(rng, 16, 10);
        Sgd sgd = Optimizers.sgd();
        double[] parameters = network.parameters();
        double[] gradients = network.gradients();
        DenseMatrix firstOutput = network.forward(x, true);
        try (KernelThreads threads = KernelThreads.start(2)) {
            network.useThreads(threads);
            // Warm-up: the Vector API allocates until C2 compiles the kernels (then its vectors live in registers).
            for (int i = 0; i < 30_000; i++) {
                network.computeGradient(x, y, Reduction.MEAN);
                sgd.step(parameters, gradients, 1e-4);
            }
            com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            long before = bean.getThreadAllocatedBytes(thread);
            int steps = 2_000;
            for (int i = 0; i < steps; i++) {
                network.computeGradient(x, y, Reduction.MEAN);
                sgd.step(parameters, gradients, 1e-4);
            }
            long perStep = (bean.getThreadAllocatedBytes(thread) - before) / steps;
            // One 16×64 batch is 8 KiB of doubles; a step that copied or reallocated anything would show here.
            assertTrue(perStep < 16, perStep + " bytes allocated per training step");
            network.useThreads(KernelThreads.single());
        }
        assertSame(firstOutput, network.forward(x, true), "the output buffer is reused");
        assertSame(gradients, network.gradients(), "the gradient array is reused");
    }
}
