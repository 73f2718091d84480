package mlpkit.core.distributed;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The table form of a {@link RowSource}: the engine fits a column pipeline (imputation, scaling, one-hot categories;
 * data's {@code ColumnPipeline}) on the training rows and makes the features of every row with it. Core holds the
 * choices as data only: {@code options} is the JSON text data's {@code ColumnOptionsSerializer.write} writes (an
 * object of column name → {@code "categorical"}, {@code "numeric"} or an options object, as a CSV table's
 * {@code columns}), read on the engine by {@code ColumnOptionsSerializer.read}.
 *
 * @param options        the per-column options as JSON text ({@code {}}: every column inferred)
 * @param missing        the texts that mean a missing value
 * @param defaultScaling the scaling of a numeric column whose options choose none
 */
public record TableColumns(String options, List<String> missing, InputScaling defaultScaling) implements Serializable {
    /** Copies {@code missing}; refuses nulls. */
    public TableColumns {
        Objects.requireNonNull(options, "options");
        missing = List.copyOf(missing);
        Objects.requireNonNull(defaultScaling, "defaultScaling");
    }
}
