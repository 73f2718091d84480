package mlpkit.core.metrics;

import java.util.List;
import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;
import mlpkit.core.matrix.DenseMatrix;

/**
 * A figure a run reports for a part of its data, under the name {@code <part>_<metric>}
 * ({@code train_loss}, {@code validation_accuracy}, {@code test_auc}): what expectations bound, early
 * stopping and schedules watch, and reports show. Each metric is one concept file saying what it needs
 * ({@link #needs()}), which way is better, and how it is computed over the rows of a part, chunk by chunk
 * ({@link #accumulator}).
 */
public interface Metric extends Conceptual {
    /** The kind "metric". */
    Kind<Metric> KIND = Kind.positional("metric", Metric.class);

    /** The parts of the data a run reports metrics for, as {@code <part>_<metric>}. */
    List<String> PARTS = List.of("train", "validation", "test");

    /** Keras' short name for the validation part: {@code val_loss} means {@code validation_loss}. */
    String VALIDATION_ALIAS = "val";

    /** What targets a metric needs. */
    enum Needs {
        /** Any targets (a loss). */
        ANY,
        /** Class labels. */
        CLASSES,
        /** Exactly two classes, both present (ROC AUC). */
        TWO_CLASSES,
        /** Real-valued (regression) targets, any number of outputs (R², MAE). */
        VALUES,
        /** Real-valued (regression) targets with one output (max error, as scikit-learn defines it). */
        ONE_VALUE
    }

    /** What this metric needs. */
    Needs needs();

    /** Whether larger values are better (accuracy) rather than smaller (losses); early stopping's {@code auto}. */
    boolean higherIsBetter();

    /**
     * Whether the training loop measures it after every epoch, on the training batches as they pass (cheap and
     * streaming) and on the validation part; otherwise only on the validation part each epoch and on every
     * part at the end.
     */
    boolean onTrainingBatches();

    /**
     * Whether every run whose targets suit it reports it (true). A metric added after runs' files were recorded
     * (the imbalance metrics {@code balanced_accuracy}, {@code f1}, {@code f1_macro}) says false: a run then reports it
     * when it trains with class or sample weights, or names it in an expectation or a monitor, so that the files of
     * existing runs keep their bytes.
     */
    default boolean reportedByDefault() {
        return true;
    }

    /** A fresh accumulator for a part of {@code rows} rows. */
    Accumulator accumulator(int rows);

    /** Gathers one part's chunks and gives the figure. */
    interface Accumulator {
        void add(Chunk chunk);

        /** The figure over the chunks added. */
        double result();

        /** Whether the figure is defined for the chunks added (ROC AUC is not when a score is not finite). */
        default boolean defined() {
            return true;
        }
    }

    /**
     * Consecutive rows of a part, evaluated: the network's outputs, the encoded targets, the loss summed over
     * the rows, and for classes each row's true and predicted class and (two classes) the score of class 1.
     */
    interface Chunk {
        int rows();

        /** The per-sample loss summed over the rows. */
        double lossSum();

        DenseMatrix outputs();

        DenseMatrix targets();

        /** The true class of row {@code r}. */
        int label(int r);

        /** The class the network predicts for row {@code r}. */
        int predicted(int r);

        /** The score of class 1 for row {@code r} (two classes). */
        double positiveScore(int r);

        /** How many rows' predicted class is their true class; a chunk may count faster than row by row. */
        default int correct() {
            int correct = 0;
            for (int r = 0; r < rows(); r++) {
                if (predicted(r) == label(r)) {
                    correct++;
                }
            }
            return correct;
        }
    }
}
