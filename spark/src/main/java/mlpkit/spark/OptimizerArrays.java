package mlpkit.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import mlpkit.core.optim.OptimizerState;

/** An {@link OptimizerState} (a record, which Spark's Kryo cannot ship) as a plain serializable class. */
final class OptimizerArrays implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final long step;
    private final String[] names;
    private final double[][] arrays;

    OptimizerArrays(String kind, long step, String[] names, double[][] arrays) {
        this.kind = kind;
        this.step = step;
        this.names = names;
        this.arrays = arrays;
    }

    static OptimizerArrays of(OptimizerState state) {
        String[] names = state.names().toArray(new String[0]);
        double[][] arrays = new double[names.length][];
        for (int i = 0; i < names.length; i++) {
            arrays[i] = state.array(names[i]);
        }
        return new OptimizerArrays(state.kind(), state.step(), names, arrays);
    }

    OptimizerState toState() {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], arrays[i]);
        }
        return new OptimizerState(kind, step, map);
    }

    String kind() {
        return kind;
    }

    long step() {
        return step;
    }

    String[] names() {
        return names;
    }

    /** The arrays themselves (not copied). */
    double[][] arrays() {
        return arrays;
    }
}
