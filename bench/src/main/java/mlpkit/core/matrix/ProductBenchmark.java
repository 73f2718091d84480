package mlpkit.core.matrix;

import java.util.SplittableRandom;
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
 * The three products of one 784-128-128-128-10 training step at batch 64 and the smaller ones of the other
 * cases, on the scalar kernel and on the Vector API kernel with each register tile ({@code vector} is the tile this
 * JVM's vectors get, {@code vector:RxC} forces one of {@link VectorTiles#SHAPES}). In the kernels' own package so
 * it can name them; GFLOP/s = 2·m·k·n / time.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar ProductBenchmark
 * java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar ProductBenchmark -p shape=64x784x128 \
 *      -p kernel=vector:8x3,vector:6x2 -jvmArgsAppend -XX:UseAVX=2     # the AVX2 tiles on an AVX-512 machine
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ProductBenchmark {
    /**
     * m×k·k×n: S1 = x·W1, 128-wide hidden, the output layer, C2's first layer, C3's first and second layers, 1024³ for
     * scale, and the weight gradients of C1's first and hidden layers as {@link #transposedProduct} computes them
     * (784×64·64×128 and 128×64·64×128: from 96 rows of C on, B's panels are packed).
     */
    @Param({"64x784x128", "64x128x128", "64x128x10", "15x64x15", "4000x20x8", "4000x8x3", "1024x1024x1024", "784x64x128", "128x64x128"})
    public String shape;

    @Param({"vector", "vector:12x2", "vector:8x3", "vector:8x2", "vector:6x2", "vector:4x4", "vector:4x3", "scalar"})
    public String kernel;

    private GemmKernel gemm;
    private int m, k, n;
    private double[] a, aT, b, c, cT;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        gemm = switch (kernel) {
            case "vector" -> VectorGemm.INSTANCE;
            case "scalar" -> ScalarGemm.INSTANCE;
            default -> {
                VectorTiles.Shape tile = VectorGemm.forcedTile(kernel);
                if (tile == null) {
                    throw new IllegalArgumentException("kernel: expected vector, vector:RxC with RxC one of "
                            + VectorTiles.SHAPES + ", or scalar; got " + kernel);
                }
                yield VectorGemm.withTile(tile);
            }
        };
        SplittableRandom random = new SplittableRandom(1);
        a = random.doubles((long) m * k).toArray();
        aT = random.doubles((long) k * m).toArray();
        b = random.doubles((long) k * n).toArray();
        c = new double[m * n];
        cT = new double[m * n];
    }

    /** c = a·b: the forward product z = x·W. */
    @Benchmark
    public double[] product() {
        gemm.gemm(0, m, n, k, a, 0, k, 1, b, 0, c, 0, false);
        return c;
    }

    /** c = aᵀ·b read through strides: the weight gradient xᵀ·δ (here with a stored k×m). */
    @Benchmark
    public double[] transposedProduct() {
        gemm.gemm(0, m, n, k, aT, 0, 1, m, b, 0, cT, 0, false);
        return cT;
    }
}
