package mlpkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.table.ColumnPipeline;
import mlpkit.data.table.FittedColumn;
import mlpkit.data.table.RawTable;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

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
        return new BlockedRows(input, BLOCK) {
            private final long[] lines = new long[BLOCK];
            private List<List<String>> texts;
            private DenseMatrix features;

            @Override
            void read(Row row, int index, long line) {
                if (index == 0) {
                    texts = new ArrayList<>(BLOCK);
                }
                List<String> fields = new ArrayList<>(positions.length);
                for (int c = 0; c < positions.length; c++) {
                    String text = CellText.of(row.get(positions[c]));
                    if (text == null) {
                        if (tokens.isEmpty()) {
                            throw new IllegalArgumentException(source + ":" + line + ": column '" + names.get(c) + "' is null, but the "
                                    + "pipeline has no missing-value tokens to read it as: fill the column, or fit with missing tokens");
                        }
                        text = tokens.get(0);
                    }
                    fields.add(text);
                }
                lines[index] = line;
                texts.add(fields);
            }

            @Override
            void compute(int count) {
                features = pipeline.transform(new RawTable(source, names, texts, Arrays.copyOf(lines, count)));
            }

            @Override
            Object[] appended(int index) {
                return new Object[] {DoubleArrays.field(features.getRow(index))};
            }
        };
    }
}
