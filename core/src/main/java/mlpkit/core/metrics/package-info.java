/**
 * Evaluation metrics for classifiers and regressors, working on plain arrays.
 *
 * <p>Conventions shared by every class in this package:
 * <ul>
 *   <li>Class labels are {@code int}s {@code 0..K-1}; a binary problem uses {@code 0} (negative) and
 *       {@code 1} (positive).</li>
 *   <li>Probabilities are {@code double[]} (probability of class 1) for binary problems and
 *       {@code double[n][K]} (column {@code k} is the probability of class {@code k}) for multi-class ones.</li>
 *   <li>Results follow scikit-learn 1.2.1, which the tests use as the reference implementation;
 *       where scikit-learn only warns (zero division, for instance) these classes return the same value
 *       silently, and where scikit-learn raises {@code ValueError} these throw
 *       {@link java.lang.IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>{@link mlpkit.core.metrics.Metrics} gathers the common calls in one place.
 */
package mlpkit.core.metrics;
