package mlpkit.spark;

import java.util.Iterator;
import java.util.List;
import mlpkit.core.distributed.TrainedModel;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * A partition's rows scored: the network rebuilt once per partition from the {@link TrainedModel} (recipe and flat
 * parameters), the features column read into one reused block of {@value #BLOCK} rows, {@link TrainedModel#predict}
 * per block (the local forward pass), and each row given its prediction (a class name, a value, or values) and, for
 * a classifier, its class probabilities.
 */
final class ScoringPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** Rows per forward pass. */
    static final int BLOCK = 256;

    private final TrainedModel model;
    private final int featuresAt;
    private final String featuresCol;

    ScoringPartition(TrainedModel model, int featuresAt, String featuresCol) {
        this.model = model;
        this.featuresAt = featuresAt;
        this.featuresCol = featuresCol;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        Network network = model.network();
        int inputs = model.inputSize();
        boolean classifier = model.isClassifier();
        DenseMatrix full = new DenseMatrix(BLOCK, inputs);
        double[] x = full.data();
        return new BlockedRows(input, BLOCK) {
            private DenseMatrix outputs;

            @Override
            void read(Row row, int index, long line) {
                if (row.isNullAt(featuresAt)) {
                    throw new IllegalArgumentException(source + ":" + line + ": column '" + featuresCol + "' is null: expected "
                            + inputs + " feature values in every row; drop or fill that row");
                }
                List<Double> values = row.getList(featuresAt);
                if (values.size() != inputs) {
                    throw new IllegalArgumentException(source + ":" + line + ": column '" + featuresCol + "' has " + values.size()
                            + " values, but the model " + model.recipe() + " takes " + inputs + ": pass the features it was trained on");
                }
                int start = index * inputs;
                for (int j = 0; j < inputs; j++) {
                    Double v = values.get(j);
                    if (v == null) {
                        throw new IllegalArgumentException(source + ":" + line + ": column '" + featuresCol + "' has a null at index "
                                + j + ": expected " + inputs + " numbers; fill or drop that row");
                    }
                    x[start + j] = v;
                }
            }

            @Override
            void compute(int count) {
                DenseMatrix block = count == BLOCK ? full : new DenseMatrix(count, inputs, x);
                outputs = model.predict(network, block, count);
            }

            @Override
            Object[] appended(int index) {
                if (classifier) {
                    return new Object[] {model.classNames().get(TrainedModel.predictedClass(outputs, index)),
                            DoubleArrays.field(TrainedModel.probabilities(outputs, index))};
                }
                return new Object[] {outputs.getColumnDimension() == 1 ? outputs.getEntry(index, 0) : DoubleArrays.field(outputs.getRow(index))};
            }
        };
    }
}
