package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MaxErrorTest {

    @Test
    void maxErrorIsTheLargestAbsoluteDifference() {
        // /usr/bin/python3 -c "from sklearn.metrics import max_error; print(max_error([3,-0.5,2,7],[2.5,0.0,2,8]))" == 1.0
        assertEquals(1.0, MaxError.of(R2Test.TRUE, R2Test.PRED));
        assertEquals(1.0, MaxError.of(new double[][] {{3}, {-0.5}, {2}, {7}}, new double[][] {{2.5}, {0}, {2}, {8}}));
    }

    @Test
    void severalOutputsAreRefusedAsScikitLearnRefusesThem() {
        // scikit-learn: ValueError("Multioutput not supported in max_error")
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MaxError.of(R2Test.TRUE2, R2Test.PRED2));
        assertEquals("yTrue has 2 outputs but max error is defined for one output only (as scikit-learn's max_error):"
                + " pass one column at a time", error.getMessage());
    }
}
