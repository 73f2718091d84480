package mlpkit.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import mlpkit.core.loss.BinaryCrossEntropy;

class InitializerTest {
    private static final int DRAWS = 200_000;

    /** Sample variance of DRAWS draws; its standard error is about var·√(2/DRAWS) ≈ 0.3 % for Gaussians. */
    private static double[] meanAndVariance(Initializer init, int fanIn, int fanOut) {
        MersenneTwister rng = new MersenneTwister(17);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            double v = init.sample(rng, fanIn, fanOut);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / DRAWS;
        return new double[]{mean, sumSq / DRAWS - mean * mean};
    }

    @Test
    void eachScaledInitialiserHasTheVarianceOfItsDefinition() {
        int in = 50;
        int out = 30;
        double[][] cases = {
                {2.0 / (in + out)},          // glorotNormal
                {2.0 / (in + out)},          // glorotUniform: limit² / 3 = (6/(in+out))/3
                {2.0 / in},                  // heNormal
                {2.0 / in},                  // heUniform: (6/in)/3
                {1.0 / in},                  // lecunNormal
                {1.0 / in},                  // lecunUniform: (3/in)/3
                {0.01},                      // normal(0.1)
                {4.0 / 12},                  // uniform(-1, 1): (b − a)²/12
        };
        Initializer[] inits = {new GlorotNormal(), new GlorotUniform(), new HeNormal(),
                new HeUniform(), new LecunNormal(), new LecunUniform(), new Normal(0.1),
                new Uniform(-1, 1)};
        for (int c = 0; c < inits.length; c++) {
            double[] mv = meanAndVariance(inits[c], in, out);
            assertEquals(0.0, mv[0], 5 * Math.sqrt(cases[c][0] / DRAWS), inits[c].notation() + " mean");
            assertEquals(cases[c][0], mv[1], 0.015 * cases[c][0], inits[c].notation() + " variance");
        }
        assertArrayEquals(new double[]{0.0, 0.0}, meanAndVariance(new Zeros(), 3, 3), 0.0);
        assertArrayEquals(new double[]{2.5, 0.0}, meanAndVariance(new Constant(2.5), 3, 3), 1e-12);
    }

    @Test
    void uniformInitialisersStayInsideTheirLimits() {
        MersenneTwister rng = new MersenneTwister(3);
        double limit = Math.sqrt(6.0 / (10 + 20));
        for (int i = 0; i < 10_000; i++) {
            double v = new GlorotUniform().sample(rng, 10, 20);
            assertTrue(v >= -limit && v < limit, "glorotUniform draw " + v);
        }
    }

    /** A generator whose Gaussian draws are 1, 2, 3, …, to see which parameter receives which draw. */
    private static final class CountingGenerator extends AbstractRandomGenerator {
        private double next;

        @Override
        public void setSeed(long seed) {
            next = 0;
        }

        @Override
        public double nextDouble() {
            throw new AssertionError("not used");
        }

        @Override
        public double nextGaussian() {
            return ++next;
        }
    }

    @Test
    void biasDrawnLikeTheWeightsTakesColumnZeroOfAFoldedMatrixDrawnRowByRow() {
        // np.random.randn(units=2, inputs+1=4) fills [[1, 2, 3, 4], [5, 6, 7, 8]]: column 0 is the bias.
        Network network = Network.build(NetworkSpec.parse("network < dense(2, sigmoid, weights=normal(1.0), bias=weights) >"),
                3, new BinaryCrossEntropy(), new CountingGenerator(), new MersenneTwister(0));
        // W is inputs × units: W[i][j] = folded[j][i + 1]; then b = [1, 5].
        assertArrayEquals(new double[]{2, 6, 3, 7, 4, 8, 1, 5}, network.parameters(), 0.0);
    }

    @Test
    void withoutFoldingTheWeightsAreDrawnInStorageOrderAndThenTheBias() {
        Network network = Network.build(NetworkSpec.parse("network < dense(2, sigmoid, weights=normal(1.0), bias=normal(1.0)) >"),
                3, new BinaryCrossEntropy(), new CountingGenerator(), new MersenneTwister(0));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8}, network.parameters(), 0.0);
    }

    @Test
    void badParametersAreRejectedWithWhatToDo() {
        IllegalArgumentException normal = assertThrows(IllegalArgumentException.class, () -> new Normal(-1));
        assertEquals("normal: std must be a number > 0, got -1.0; pass a positive standard deviation such as normal(0.1)",
                normal.getMessage());
        IllegalArgumentException uniform = assertThrows(IllegalArgumentException.class, () -> new Uniform(1, 0));
        assertEquals("uniform: high must be greater than low, got 0.0; swap the bounds", uniform.getMessage());
    }
}
