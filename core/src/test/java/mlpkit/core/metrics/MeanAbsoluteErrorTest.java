package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeanAbsoluteErrorTest {

    @Test
    void meanAbsoluteErrorAveragesAbsoluteDifferences() {
        // hand-worked: (0.5 + 0.5 + 0 + 1) / 4; /usr/bin/python3 -c "from sklearn.metrics import mean_absolute_error as m;
        //   print(m([3,-0.5,2,7],[2.5,0.0,2,8]))" == 0.5
        assertEquals(0.5, MeanAbsoluteError.of(R2Test.TRUE, R2Test.PRED));
    }

    @Test
    void multiOutputMeanAbsoluteErrorAveragesThePerOutputErrors() {
        // /usr/bin/python3 -c "from sklearn.metrics import mean_absolute_error as m; T=[[0.5,1],[-1,1],[7,-6]];
        //   P=[[0,2],[-1,2],[8,-5]]; print(m(T,P), m(T,P,multioutput='raw_values'))"
        assertArrayEquals(new double[] {0.5, 1.0}, MeanAbsoluteError.rawValues(R2Test.TRUE2, R2Test.PRED2));
        assertEquals(0.75, MeanAbsoluteError.of(R2Test.TRUE2, R2Test.PRED2));
    }
}
