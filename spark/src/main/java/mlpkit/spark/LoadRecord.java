package mlpkit.spark;

import java.io.Serializable;

/**
 * One row as read from a source, before checking, splitting and scaling: its row id (position in the source's
 * order, from 0), its features, its label (a class's text, or target values) and weight, and the first problem
 * found in it ({@link RowProblem}), if any.
 */
final class LoadRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    final long id;
    final double[] x;
    final String label;
    final double[] values;
    final double weight;
    final RowProblem problem;

    LoadRecord(long id, double[] x, String label, double[] values, double weight, RowProblem problem) {
        this.id = id;
        this.x = x;
        this.label = label;
        this.values = values;
        this.weight = weight;
        this.problem = problem;
    }
}
