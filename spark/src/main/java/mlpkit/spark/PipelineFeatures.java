package mlpkit.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.table.ColumnPipeline;
import mlpkit.data.table.FittedColumn;
import mlpkit.data.table.RawTable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A partition's rows, each with its features appended as a {@code double[]}: the pipeline (decoded once per
 * partition from its JSON) applied by its own {@code transform} to blocks of {@value #BLOCK} rows read as text
 * ({@link CellText}; a null becomes the first missing token). Messages place a field as
 * {@code Dataset partition P:row} (1-based row within the partition).
 */
final class PipelineFeatures implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** Rows per local transform: one small table at a time, never a whole partition in memory. */
    static final int BLOCK = 256;

    private final String pipelineJson;
    private final int[] positions;

    PipelineFeatures(String pipelineJson, int[] positions) {
        this.pipelineJson = pipelineJson;
        this.positions = positions.clone();
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        ColumnPipeline pipeline = ColumnPipeline.fromJson(pipelineJson);
        List<String> names = pipeline.getColumns().stream().map(FittedColumn::getName).toList();
        List<String> tokens = pipeline.getMissing().getTokens();
        String source = "Dataset partition " + TaskContext.getPartitionId();
        return new Iterator<>() {
            private final List<Row> rows = new ArrayList<>(BLOCK);
            private DenseMatrix features;
            private int next;
            private long seen;

            @Override
            public boolean hasNext() {
                if (next < rows.size()) {
                    return true;
                }
                rows.clear();
                next = 0;
                List<List<String>> texts = new ArrayList<>(BLOCK);
                long[] lines = new long[BLOCK];
                while (rows.size() < BLOCK && input.hasNext()) {
                    Row row = input.next();
                    List<String> fields = new ArrayList<>(positions.length);
                    for (int c = 0; c < positions.length; c++) {
                        String text = CellText.of(row.get(positions[c]));
                        if (text == null) {
                            if (tokens.isEmpty()) {
                                throw new IllegalArgumentException(source + ":" + (seen + 1) + ": column '" + names.get(c) + "' is null, but the "
                                        + "pipeline has no missing-value tokens to read it as: fill the column, or fit with missing tokens");
                            }
                            text = tokens.get(0);
                        }
                        fields.add(text);
                    }
                    lines[rows.size()] = ++seen;
                    texts.add(fields);
                    rows.add(row);
                }
                if (rows.isEmpty()) {
                    return false;
                }
                features = pipeline.transform(new RawTable(source, names, texts, java.util.Arrays.copyOf(lines, rows.size())));
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows in " + source);
                }
                Row row = rows.get(next);
                Object[] values = new Object[row.length() + 1];
                for (int i = 0; i < row.length(); i++) {
                    values[i] = row.get(i);
                }
                values[row.length()] = DoubleArrays.field(features.getRow(next++));
                return RowFactory.create(values);
            }
        };
    }
}
