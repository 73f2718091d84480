package mlpkit.core.matrix;

import java.util.SplittableRandom;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Relu;
import mlpkit.core.activation.Sigmoid;
import mlpkit.core.activation.Softplus;
import mlpkit.core.loss.BinaryCrossEntropy;
import mlpkit.core.loss.Loss;
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
 * Sigmoid, softplus and ReLU over one batch's activations (32,000 = C3's 4000 × 8; 8,192 = 64 × 128), through the
 * activations themselves, and the binary cross-entropy of as many logits: with their Vector API fast path, and with
 * their own scalar maths only ({@code -Dmlpkit.kernels=scalar}), against loops over {@link Math#exp} and
 * {@link Math#log1p} for reference.
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
    private final Activation softplus = new Softplus();
    private final Loss bce = new BinaryCrossEntropy();
    private double[] z, a, y;
    private DenseMatrix zm, am, ym;

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
        y = new SplittableRandom(2).ints(size, 0, 2).asDoubleStream().toArray();
        ym = new DenseMatrix(1, size, y);
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

    @Benchmark
    public double[] softplus() {
        softplus.forward(zm, am);
        return a;
    }

    /** Σ (max(z, 0) − z·y) + log1p(e^−|z|) over the logits, as the loss of a sigmoid output computes it. */
    @Benchmark
    public double binaryCrossEntropy() {
        return bce.sum(sigmoid, zm, am, ym);
    }

    /** The same sum with {@link Math#log1p} and {@link Math#exp}: what the loss computed before 2026-12-08. */
    @Benchmark
    public double binaryCrossEntropyWithMathLog1p() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double v = z[i];
            sum += Math.max(v, 0) - v * y[i] + Math.log1p(Math.exp(-Math.abs(v)));
        }
        return sum;
    }
}
