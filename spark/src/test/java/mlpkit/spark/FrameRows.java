package mlpkit.spark;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.matrix.DenseMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Test helpers: small data frames from rows, and distributed rows collected back in partition order. */
final class FrameRows {
    final DenseMatrix x;
    final DenseMatrix y;
    final double[] weights;
    final List<Integer> blocksPerPartition;
    /** Per partition, the first feature of each of its rows, in order. */
    final List<List<Double>> firstFeatureByPartition;

    private FrameRows(DenseMatrix x, DenseMatrix y, double[] weights, List<Integer> blocksPerPartition, List<List<Double>> firstFeatureByPartition) {
        this.x = x;
        this.y = y;
        this.weights = weights;
        this.blocksPerPartition = blocksPerPartition;
        this.firstFeatureByPartition = firstFeatureByPartition;
    }

    /** {@code rows}' blocks collected in partition order, as one matrix of features, one of targets and the weights. */
    static FrameRows collect(DistributedRows rows) {
        SparkRows spark = (SparkRows) rows;
        List<RowBlock> blocks = spark.blocks().collect();
        List<Integer> perPartition = new ArrayList<>();
        List<List<Double>> firsts = new ArrayList<>();
        for (List<RowBlock> partition : spark.blocks().glom().collect()) {
            perPartition.add(partition.size());
            List<Double> first = new ArrayList<>();
            for (RowBlock block : partition) {
                DenseMatrix bx = block.x();
                for (int r = 0; r < block.rows(); r++) {
                    first.add(bx.getEntry(r, 0));
                }
            }
            firsts.add(first);
        }
        int n = 0;
        for (RowBlock block : blocks) {
            n += block.rows();
        }
        double[] x = new double[n * rows.inputs()];
        double[] y = new double[n * rows.outputs()];
        double[] w = rows.weighted() ? new double[n] : null;
        int at = 0;
        for (RowBlock block : blocks) {
            block.copyX(x, at);
            block.copyY(y, at);
            if (w != null) {
                block.copyWeights(w, at);
            }
            at += block.rows();
        }
        return new FrameRows(new DenseMatrix(n, rows.inputs(), x), new DenseMatrix(n, rows.outputs(), y), w, perPartition, firsts);
    }

    /** A frame of {@code rows} (in this order) with nullable columns {@code names} of {@code types}. */
    static Dataset<Row> frame(List<Row> rows, String[] names, DataType[] types) {
        StructField[] fields = new StructField[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = DataTypes.createStructField(names[i], types[i], true);
        }
        return TestSpark.session().createDataFrame(rows, new StructType(fields));
    }

    /** Row i of a row-major matrix as a list of boxed doubles (an array column's value). */
    static List<Double> row(DenseMatrix m, int i) {
        List<Double> out = new ArrayList<>();
        for (int j = 0; j < m.getColumnDimension(); j++) {
            out.add(m.getEntry(i, j));
        }
        return out;
    }

    /** Rows {id, features array, label, weight} from {@code x}, integer {@code labels} and {@code weights}. */
    static List<Row> arrayRows(DenseMatrix x, int[] labels, double[] weights) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.getRowDimension(); i++) {
            rows.add(RowFactory.create((long) i, row(x, i), labels[i], weights[i]));
        }
        return rows;
    }

    static final String[] ARRAY_COLUMNS = {"id", "features", "label", "weight"};
    static final DataType[] ARRAY_TYPES = {DataTypes.LongType, DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.IntegerType,
            DataTypes.DoubleType};
}
