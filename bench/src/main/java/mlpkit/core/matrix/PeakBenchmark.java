package mlpkit.core.matrix;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The float64 rate of this JVM's own code at its vector width: {@value #STEPS} steps of {@value #CHAINS}
 * independent fused multiply-add chains in registers, no memory traffic. One call is
 * {@code 2 · CHAINS · STEPS · lanes} flops, so GFLOP/s = that / (µs per call) / 1000; with {@code -XX:UseAVX=2} it
 * gives the 256-bit rate. A figure to set beside a case's GFLOP/s taken in the same sitting (a busy host slows
 * both), not a proven ceiling: hand-written kernels may schedule the core better than this loop.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar PeakBenchmark
 * java -XX:UseAVX=2 --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar PeakBenchmark -jvmArgsAppend -XX:UseAVX=2</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeakBenchmark {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Enough chains to cover two FMA pipes × 4 cycles of latency, few enough for 16 vector registers. */
    static final int CHAINS = 12;
    static final int STEPS = 100_000;

    private final double[] seed = {1.0000001, 0.9999999, 1e-9};

    @Benchmark
    public double fmaChains() {
        DoubleVector x = DoubleVector.broadcast(SPECIES, seed[0]), y = DoubleVector.broadcast(SPECIES, seed[1]);
        DoubleVector c0 = DoubleVector.broadcast(SPECIES, seed[2]), c1 = c0.add(1), c2 = c0.add(2), c3 = c0.add(3);
        DoubleVector c4 = c0.add(4), c5 = c0.add(5), c6 = c0.add(6), c7 = c0.add(7);
        DoubleVector c8 = c0.add(8), c9 = c0.add(9), c10 = c0.add(10), c11 = c0.add(11);
        for (int s = 0; s < STEPS; s++) {
            c0 = c0.fma(x, y);
            c1 = c1.fma(x, y);
            c2 = c2.fma(x, y);
            c3 = c3.fma(x, y);
            c4 = c4.fma(x, y);
            c5 = c5.fma(x, y);
            c6 = c6.fma(x, y);
            c7 = c7.fma(x, y);
            c8 = c8.fma(x, y);
            c9 = c9.fma(x, y);
            c10 = c10.fma(x, y);
            c11 = c11.fma(x, y);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(
                jdk.incubator.vector.VectorOperators.ADD);
    }
}
