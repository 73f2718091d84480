package mlpkit.spark;

import org.apache.spark.SparkException;

/**
 * Turns a Spark job failure caused by our own executor code (a refused input, a non-finite loss) back into that
 * exception's message, so that callers see one clear line instead of Spark's stage report.
 */
final class TaskFailures {
    private TaskFailures() {
    }

    /**
     * For a Spark job failure: an exception carrying the message of its first cause that is not Spark's own. Any
     * other exception is returned as it is. (Scala throws Spark's checked {@link SparkException} undeclared, so
     * callers catch {@link Exception} and pass it here.)
     */
    static RuntimeException unwrap(Throwable failure) {
        if (!(failure instanceof SparkException)) {
            return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (!(cause instanceof SparkException) && cause.getMessage() != null) {
                return cause instanceof IllegalArgumentException
                        ? new IllegalArgumentException(cause.getMessage(), failure)
                        : new IllegalStateException(cause.getMessage(), failure);
            }
        }
        return new IllegalStateException(failure.getMessage(), failure);
    }
}
