package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import mlpkit.core.TestData;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.optim.Optimizers;
import mlpkit.core.optim.Optimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import mlpkit.core.loss.HalfSumSquaredError;

/** A training step reuses its buffers: once the JIT has compiled the loop, a step allocates nothing. */
class SteadyStateAllocationTest {
    @Test
    void aTrainingStepReusesItsBuffersAndAllocatesNothingOnceCompiled() throws InterruptedException {
        assertAStepAllocatesNothing("network < dense(32, relu); dense(16, sigmoid); dense(10, sigmoid) >", 64, 16, 10);
    }

    /** Layers narrower than a vector (8, 3, 1 units, as E3's) take the products that run vectors down the rows. */
    @Test
    void aStepThroughLayersNarrowerThanAVectorAllocatesNothingEither() throws InterruptedException {
        assertAStepAllocatesNothing("network < dense(8, sigmoid); dense(3, sigmoid); dense(1, sigmoid) >", 20, 40, 1);
    }

    private static void assertAStepAllocatesNothing(String notation, int inputs, int batch, int outputs) throws InterruptedException {
        // Steady state: the SIMD kernels take over from the scalar ones once the warm-up thread has compiled them.
        assertTrue(mlpkit.core.matrix.Kernels.awaitWarmKernels(60_000), "the SIMD kernels did not warm up in 60 s");
        NetworkSpec spec = NetworkSpec.parse(notation);
        Network network = Network.build(spec, inputs, new HalfSumSquaredError(), 1L);
        MersenneTwister rng = new MersenneTwister(2);
        DenseMatrix x = TestData.gaussian(rng, batch, inputs);
        DenseMatrix y = TestData.gaussian(rng, batch, outputs);
        Optimizer sgd = Optimizers.sgd();
        double[] parameters = network.parameters();
        double[] gradients = network.gradients();
        DenseMatrix firstOutput = network.forward(x, true);
        try (KernelThreads threads = KernelThreads.start(2)) {
            network.useThreads(threads);
            sgd.useThreads(network.layout().shares(threads));   // the update on both threads, each its share
            // Warm-up: the Vector API allocates until C2 compiles the kernels (then its vectors live in registers),
            // and C2 may recompile a kernel once it sees new shapes. Steady state is reached when a window of
            // 2000 steps allocates nothing; on a busy machine that can take a few windows, so up to 30 are tried.
            com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            int steps = 2_000;
            long perStep = Long.MAX_VALUE;
            for (int window = 0; window < 30 && perStep >= 256; window++) {
                for (int i = 0; i < 10_000; i++) {
                    network.computeGradient(x, y, Reduction.MEAN);
                    sgd.step(parameters, gradients, 1e-4);
                }
                long before = bean.getThreadAllocatedBytes(thread);
                for (int i = 0; i < steps; i++) {
                    network.computeGradient(x, y, Reduction.MEAN);
                    sgd.step(parameters, gradients, 1e-4);
                }
                perStep = (bean.getThreadAllocatedBytes(thread) - before) / steps;
            }
            // One batch is at least 16×20 doubles (2.5 KiB) and the smallest buffer of these networks 40×1 (320
            // bytes): a step that copied or reallocated any of them would show here in every window. The margin
            // allows for the odd object of a JIT recompilation on a busy machine (32 bytes per step was seen once).
            assertTrue(perStep < 256, perStep + " bytes allocated per training step after 30 windows of 12 000 steps");
            network.useThreads(KernelThreads.single());
        }
        assertSame(firstOutput, network.forward(x, true), "the output buffer is reused");
        assertSame(gradients, network.gradients(), "the gradient array is reused");
    }
}
