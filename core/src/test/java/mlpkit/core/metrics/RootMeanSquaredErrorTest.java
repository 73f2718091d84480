package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RootMeanSquaredErrorTest {

    @Test
    void rootMeanSquaredErrorIsTheRootOfTheMeanSquaredError() {
        // hand-worked: √0.375; /usr/bin/python3 -c "from sklearn.metrics import mean_squared_error as m;
        //   print(m([3,-0.5,2,7],[2.5,0.0,2,8],squared=False))" == 0.6123724356957945
        assertEquals(Math.sqrt(0.375), RootMeanSquaredError.of(R2Test.TRUE, R2Test.PRED));
        assertEquals(0.6123724356957945, RootMeanSquaredError.of(R2Test.TRUE, R2Test.PRED), 1e-15);
    }

    @Test
    void multiOutputRootMeanSquaredErrorAveragesThePerOutputRoots() {
        // /usr/bin/python3 -c "from sklearn.metrics import mean_squared_error as m; T=[[0.5,1],[-1,1],[7,-6]];
        //   P=[[0,2],[-1,2],[8,-5]]; print(m(T,P,squared=False), m(T,P,squared=False,multioutput='raw_values'))"
        // (the mean of the roots, not √ of MeanSquaredError.of(T, P) = √0.7083… = 0.8416…)
        assertArrayEquals(new double[] {0.6454972243679028, 1.0},
                RootMeanSquaredError.rawValues(R2Test.TRUE2, R2Test.PRED2), 1e-15);
        assertEquals(0.8227486121839513, RootMeanSquaredError.of(R2Test.TRUE2, R2Test.PRED2), 1e-15);
    }
}
