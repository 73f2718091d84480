package mlpkit.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import mlpkit.core.distributed.TrainedModel;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

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
        String source = "Dataset partition " + TaskContext.getPartitionId();
        DenseMatrix full = new DenseMatrix(BLOCK, inputs);
        return new Iterator<>() {
            private final List<Row> rows = new ArrayList<>(BLOCK);
            private DenseMatrix outputs;
            private int next;
            private long seen;

            @Override
            public boolean hasNext() {
                if (next < rows.size()) {
                    return true;
                }
                rows.clear();
                next = 0;
                double[] x = full.data();
                while (rows.size() < BLOCK && input.hasNext()) {
                    Row row = input.next();
                    seen++;
                    if (row.isNullAt(featuresAt)) {
                        throw new IllegalArgumentException(source + ":" + seen + ": column '" + featuresCol + "' is null: expected "
                                + inputs + " feature values in every row; drop or fill that row");
                    }
                    List<Double> values = row.getList(featuresAt);
                    if (values.size() != inputs) {
                        throw new IllegalArgumentException(source + ":" + seen + ": column '" + featuresCol + "' has " + values.size()
                                + " values, but the model " + model.recipe() + " takes " + inputs + ": pass the features it was trained on");
                    }
                    int start = rows.size() * inputs;
                    for (int j = 0; j < inputs; j++) {
                        Double v = values.get(j);
                        if (v == null) {
                            throw new IllegalArgumentException(source + ":" + seen + ": column '" + featuresCol + "' has a null at index "
                                    + j + ": expected " + inputs + " numbers; fill or drop that row");
                        }
                        x[start + j] = v;
                    }
                    rows.add(row);
                }
                if (rows.isEmpty()) {
                    return false;
                }
                DenseMatrix block = rows.size() == BLOCK ? full : new DenseMatrix(rows.size(), inputs, x);
                outputs = model.predict(network, block, rows.size());
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows in " + source);
                }
                Row row = rows.get(next);
                boolean classifier = model.isClassifier();
                Object[] values = new Object[row.length() + (classifier ? 2 : 1)];
                for (int i = 0; i < row.length(); i++) {
                    values[i] = row.get(i);
                }
                if (classifier) {
                    values[row.length()] = model.classNames().get(TrainedModel.predictedClass(outputs, next));
                    values[row.length() + 1] = DoubleArrays.field(TrainedModel.probabilities(outputs, next));
                } else if (outputs.getColumnDimension() == 1) {
                    values[row.length()] = outputs.getEntry(next, 0);
                } else {
                    values[row.length()] = DoubleArrays.field(outputs.getRow(next));
                }
                next++;
                return RowFactory.create(values);
            }
        };
    }
}
