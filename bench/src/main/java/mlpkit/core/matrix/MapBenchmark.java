package mlpkit.core.matrix;

import java.util.SplittableRandom;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Relu;
import mlpkit.core.activation.Sigmoid;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sigmoid and ReLU over one batch's activations (32,000 = C3's 4000 × 8; 8,192 = 64 × 128), through the
 * activations themselves: with their Vector API fast path, and with their own scalar maths only
 * ({@code -Dmlpkit.kernels=scalar}), against a loop over {@link Math#exp} for reference.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar MapBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MapBenchmark {
    @Param({"32000", "8192"})
    public int size;

    @Param({"vector", "scalar"})
    public String kernel;

    private final Activation sigmoid = new Sigmoid();
    private final Activation relu = new Relu();
    private double[] z, a;
    private DenseMatrix zm, am;

    @Setup
    public void setUp() throws InterruptedException {
        if (kernel.equals("scalar")) {
            System.setProperty("mlpkit.kernels", "scalar");   // read once, when the kernels are first chosen
        }
        Kernels.awaitWarmKernels(60_000);
        z = new SplittableRandom(1).doubles(size, -8, 8).toArray();
        a = new double[size];
        zm = new DenseMatrix(1, size, z);
        am = new DenseMatrix(1, size, a);
    }

    @Benchmark
    public double[] sigmoid() {
        sigmoid.forward(zm, am);
        return a;
    }

    @Benchmark
    public double[] relu() {
        relu.forward(zm, am);
        return a;
    }

    /** The textbook 1 / (1 + e^−z) with {@link Math#exp}: what the kernels replace. */
    @Benchmark
    public double[] sigmoidWithMathExp() {
        for (int i = 0; i < size; i++) {
            a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
        return a;
    }
}
