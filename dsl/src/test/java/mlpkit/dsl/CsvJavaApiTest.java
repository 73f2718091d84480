package mlpkit.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.util.List;
import mlpkit.data.csv.CsvFeatureOptions;
import mlpkit.data.csv.CsvLoader;
import mlpkit.data.csv.CsvReadOptions;
import mlpkit.dsl.spec.DataSource;
import org.junit.jupiter.api.Test;

/** The CSV header setting from Java: left out means "auto", as in JSON and the DSL. */
class CsvJavaApiTest {
    @Test
    void aJavaCallerLeavesTheHeaderOutOrSetsItAndReadsFeaturesByName() {
        DataSource.Csv auto = new DataSource.Csv("train.csv");
        assertNull(auto.getHeader());
        assertEquals(Boolean.TRUE, new DataSource.Csv("train.csv", null, true).getHeader());
        assertNull(new CsvReadOptions().getHeader());

        // A headerless file keeps its first row; a header with the model's names chooses the columns.
        assertEquals(2, CsvLoader.load(new StringReader("1,2,0\n3,4,1\n"), "a.csv").getSize());
        double[] features = CsvLoader.loadFeatures(new StringReader("label,b,a\n0,1,2\n"), "in.csv",
                new CsvFeatureOptions(2, List.of("a", "b"))).data();
        assertArrayEquals(new double[] {2, 1}, features, 0.0);
    }
}
