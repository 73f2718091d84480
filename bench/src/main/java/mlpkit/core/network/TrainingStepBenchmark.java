package mlpkit.core.network;

import java.util.concurrent.TimeUnit;
import mlpkit.core.loss.HalfSumSquaredError;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.Optimizers;
import org.apache.commons.math3.random.MersenneTwister;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of C1 (784-128-128-128-10, ReLU and sigmoid, ½Σ(a−y)², batch 64, SGD): forward, backward and the
 * update, on one batch held in memory, at one and two kernel threads. Without the data pipeline and the epoch's
 * bookkeeping, this is what the threads can share; JMH's many short iterations also show how a busy host moves it.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar TrainingStepBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {
    @Param({"1", "2"})
    public int threads;

    private Network network;
    private Optimizer sgd;
    private KernelThreads pool;
    private DenseMatrix x, y;

    @Setup
    public void setUp() throws InterruptedException {
        Kernels.awaitWarmKernels(60_000);
        network = Network.build(NetworkSpec.parse("network < dense(128, relu, weights=heNormal); dense(128, relu, weights=heNormal); "
                + "dense(128, relu, weights=heNormal); dense(10, sigmoid, weights=heNormal) >"), 784, new HalfSumSquaredError(), 0L);
        MersenneTwister rng = new MersenneTwister(1);
        x = new DenseMatrix(64, 784);
        y = new DenseMatrix(64, 10);
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 784; j++) {
                x.setEntry(i, j, rng.nextDouble() * 2 - 1);
            }
            y.setEntry(i, rng.nextInt(10), 1.0);
        }
        pool = KernelThreads.start(threads);
        network.useThreads(pool);
        sgd = Optimizers.sgd();
        sgd.useThreads(network.layout().shares(pool));
    }

    @TearDown
    public void tearDown() {
        network.useThreads(KernelThreads.single());
        pool.close();
    }

    @Benchmark
    public double step() {
        double loss = network.computeGradient(x, y, Reduction.MEAN);
        sgd.step(network.parameters(), network.gradients(), 1e-3);
        return loss;
    }
}
