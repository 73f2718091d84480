package mlpkit.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import mlpkit.core.concept.ConceptException;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.junit.jupiter.api.Test;

class SklearnUniformTest {
    /** Returns the given uniform draws in turn. */
    private static final class FixedDraws extends AbstractRandomGenerator {
        private final double[] draws;
        private int next;

        FixedDraws(double... draws) {
            this.draws = draws;
        }

        @Override
        public void setSeed(long seed) {
            next = 0;
        }

        @Override
        public double nextDouble() {
            return draws[next++];
        }
    }

    @Test
    void aDrawIsNumpysUniformBetweenMinusAndPlusTheBound() {
        // fanIn 4, fanOut 2, factor 6: the bound is √(6/6) = 1; u = 0, 0.25, 0.5 give −1, −0.5, 0.
        FixedDraws rng = new FixedDraws(0.0, 0.25, 0.5);
        SklearnUniform init = new SklearnUniform();
        assertEquals(-1.0, init.sample(rng, 4, 2), 0.0);
        assertEquals(-0.5, init.sample(rng, 4, 2), 0.0);
        assertEquals(0.0, init.sample(rng, 4, 2), 0.0);
    }

    @Test
    void theLogisticFactorTwoShrinksTheBoundByRootThree() {
        // factor 2, fanIn 3, fanOut 3: the bound is √(2/6) = 1/√3; u = 0.75 gives half of it.
        double bound = Math.sqrt(2.0 / 6.0);
        double value = new SklearnUniform(SklearnUniform.LOGISTIC_FACTOR).sample(new FixedDraws(0.75), 3, 3);
        assertEquals(-bound + (bound + bound) * 0.75, value, 0.0);
        assertEquals(0.5 / Math.sqrt(3.0), value, 1e-15);
    }

    @Test
    void theDefaultFactorIsScikitLearnsSixAndANonPositiveFactorIsRefused() {
        assertEquals(6.0, new SklearnUniform().factor(), 0.0);
        assertEquals("sklearnUniform(factor=2.0)", new SklearnUniform(2).notation());
        assertThrows(ConceptException.class, () -> new SklearnUniform(0));
    }
}
