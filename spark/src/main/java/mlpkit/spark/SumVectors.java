package mlpkit.spark;

import org.apache.spark.api.java.function.Function2;

/**
 * Element-wise sum of two partial sums for {@code treeAggregate} with a null zero (SPARK.md, pitfall 2: a dense zero
 * travels in every task): null is the empty sum, and the left operand is reused, so nothing is allocated.
 */
final class SumVectors implements Function2<double[], double[], double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public double[] call(double[] left, double[] right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        if (left.length != right.length) {
            throw new IllegalStateException("partial sums of different lengths (" + left.length + " and " + right.length
                    + "): every partition must sum the same network's parameters");
        }
        for (int i = 0; i < left.length; i++) {
            left[i] += right[i];
        }
        return left;
    }
}
