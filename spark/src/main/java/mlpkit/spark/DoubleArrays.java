package mlpkit.spark;

import scala.collection.immutable.ArraySeq;

/**
 * An {@code array<double>} field value for a {@link org.apache.spark.sql.Row}: the array wrapped (not copied) as a
 * Scala sequence, which Spark encodes and which {@code Row.getList} also reads when Spark hands a row from one typed
 * operation straight to the next without encoding it in between.
 */
final class DoubleArrays {
    private DoubleArrays() {
    }

    static Object field(double[] values) {
        return ArraySeq.unsafeWrapArray(values);
    }
}
