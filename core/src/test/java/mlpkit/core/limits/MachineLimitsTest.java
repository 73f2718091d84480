package mlpkit.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.network.NetworkSpec;
import org.junit.jupiter.api.Test;

class MachineLimitsTest {
    private static final long GIB = 1L << 30;
    private final MachineLimits twoProcessors = new MachineLimits(2 * GIB, 2);

    @Test
    void threadsAreCappedAtEightTimesTheProcessorsAndTheMessageSaysWhy() {
        assertEquals(16, twoProcessors.maxThreads());
        assertNull(twoProcessors.threadsProblem(16));
        assertEquals("100000 threads is more than 16 (8 × the 2 processors of this machine): use at most 16, or omit it for one thread",
                twoProcessors.threadsProblem(100000));
        assertEquals("9 threads is more than 8 (8 × the 1 processor of this machine): use at most 8, or omit it for one thread",
                new MachineLimits(GIB, 1).threadsProblem(9));
    }

    @Test
    void aBillionUnitsAreMoreParametersThanOneArrayHolds() {
        NetworkSpec spec = NetworkSpec.parse("network < dense(1000000000, relu); dense(1, sigmoid) >");
        String problem = twoProcessors.networkProblem(spec, 2, 32);
        assertEquals("the network has 4000000001 parameters for 2 inputs, more than one Java array holds (2147483639): use fewer units or layers",
                problem);
    }

    @Test
    void aNetworkThatFitsOneArrayButNotTheMemoryNamesTheHeapAndTheFix() {
        // 784 × 100000 + 100000 + 100001 parameters = 78.6 M: 5 copies of 8 bytes and the activations ≈ 3.0 GiB > 2 GiB.
        NetworkSpec spec = NetworkSpec.parse("network < dense(100000, relu); dense(1, sigmoid) >");
        String problem = twoProcessors.networkProblem(spec, 784, 32);
        assertNotNull(problem);
        assertTrue(problem.startsWith("the network (78600001 parameters, batches of 32 rows) needs about 3.0 GiB, more than the 2.0 GiB "
                + "this Java process may use (Runtime.maxMemory, set by -Xmx): use fewer units or layers or a smaller batch, "
                + "or give Java more memory with MLP_JAVA_OPTS=-Xmx<size>"), problem);
        assertNull(new MachineLimits(8 * GIB, 2).networkProblem(spec, 784, 32));
    }

    @Test
    void aHugeBatchThroughAWideLayerIsRefusedBeforeItsActivationsAreAllocated() {
        NetworkSpec spec = NetworkSpec.parse("network < dense(100000, relu); dense(1, sigmoid) >");
        assertEquals("a batch of 1000000 rows through 100000 units is 100000000000 values, more than one Java array holds (2147483639): "
                + "use fewer units or layers, or a smaller batch", new MachineLimits(Long.MAX_VALUE, 2).networkProblem(spec, 2, 1_000_000));
    }

    @Test
    void aDataSetOfABillionSamplesIsRefusedByMemoryAndOneOfTooManyValuesByTheArrayLimit() {
        assertEquals("1000000000 samples × 2 features needs about 29.8 GiB, more than the 2.0 GiB this Java process may use "
                + "(Runtime.maxMemory, set by -Xmx): use fewer samples or features, or give Java more memory with "
                + "MLP_JAVA_OPTS=-Xmx<size>, e.g. MLP_JAVA_OPTS=-Xmx8g", twoProcessors.dataProblem(1_000_000_000, 2));
        assertEquals("1000000000 samples × 20 features = 20000000000 values, more than one Java array holds (2147483639): "
                + "use fewer samples or features", twoProcessors.dataProblem(1_000_000_000, 20));
        assertNull(twoProcessors.dataProblem(1000, 20));
    }

    @Test
    void productsSaturateInsteadOfOverflowing() {
        long twoTo32 = 1L << 32;
        assertEquals(Long.MAX_VALUE, MachineLimits.product(MachineLimits.product(twoTo32, twoTo32), 1));
        assertEquals(Long.MAX_VALUE, MachineLimits.product(twoTo32, twoTo32));
        assertEquals(Long.MAX_VALUE, MachineLimits.sum(Long.MAX_VALUE, 1));
        assertEquals(6, MachineLimits.product(2, 3));
        assertEquals("more than 8 EiB", MachineLimits.bytesText(Long.MAX_VALUE));
        assertEquals("512 bytes", MachineLimits.bytesText(512));
        assertEquals("1.5 KiB", MachineLimits.bytesText(1536));
    }
}
