package mlpkit.spark;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mlpkit.data.table.LabelColumn;
import mlpkit.data.table.RawTable;
import mlpkit.data.table.TableReader;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** data's built-in penguins table, locally as a {@link RawTable} and in Spark as string columns (NA as a Spark null). */
final class Penguins {
    static final String LABEL = "species";
    static final String RESOURCE = "/mlpkit/data/tabular/penguins.csv";

    private Penguins() {
    }

    /** The table as shipped, read by data's own reader. */
    static RawTable local() {
        try (Reader reader = new InputStreamReader(Penguins.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8)) {
            return TableReader.read(reader, "penguins.csv");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of {@code table} whose label is present, as the local pipeline is fitted on them. */
    static RawTable labelled(RawTable table) {
        return table.rows(LabelColumn.read(table, LABEL).getKept());
    }

    /** {@code table} as a frame of string columns in {@code partitions} partitions, "NA" written as null. */
    static Dataset<Row> frame(RawTable table, int partitions) {
        StructType schema = new StructType();
        for (String name : table.getNames()) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        List<Row> rows = new ArrayList<>(table.getRowCount());
        for (int r = 0; r < table.getRowCount(); r++) {
            Object[] fields = new Object[table.getNames().size()];
            for (int c = 0; c < fields.length; c++) {
                String text = table.field(r, c);
                fields[c] = text.equals("NA") ? null : text;
            }
            rows.add(RowFactory.create(fields));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        return TestSpark.session().createDataFrame(context.parallelize(rows, partitions), schema);
    }
}
