package mlpkit.core.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much each class's training rows count in the loss ({@code training.classWeight}): {@link #BALANCED} is
 * scikit-learn's {@code class_weight="balanced"}, w_c = n / (n_present · count_c) over the n training rows, n_present
 * the classes with at least one training row (a class without any weighs 1); {@link #given} names classes as the data
 * names them, and a class it leaves out weighs 1. A row then weighs its class's weight times its sample weight.
 *
 * @param balanced whether the weights are the balanced ones ({@code given} is then empty)
 * @param given    weights (finite, ≥ 0) by class name, in the order given
 */
public record ClassWeights(boolean balanced, Map<String, Double> given) implements Serializable {

    public ClassWeights {
        given = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(given, "given")));
        if (balanced && !given.isEmpty()) {
            throw new IllegalArgumentException("class weights are balanced or given by class, got both (balanced and " + given
                    + "): give one of the two");
        }
        for (Map.Entry<String, Double> e : given.entrySet()) {
            double w = e.getValue();
            if (!(w >= 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("classWeight of class '" + e.getKey() + "' is " + w
                        + ", expected a finite number >= 0: give each named class a weight such as 1.0");
            }
        }
    }

    /** scikit-learn's {@code "balanced"}. */
    public static final ClassWeights BALANCED = new ClassWeights(true, Map.of());

    /** Weights by class name; classes not named weigh 1. */
    public static ClassWeights given(Map<String, Double> weights) {
        return new ClassWeights(false, weights);
    }

    /**
     * One weight per class index: {@code classNames} name class k at index k, {@code counts[k]} is its number of
     * training rows. Refuses a given weight naming a class that {@code classNames} lacks, naming the classes found.
     */
    public double[] perClass(List<String> classNames, long[] counts) {
        if (counts.length != classNames.size()) {
            throw new IllegalArgumentException("class weights expected one count per class (" + classNames.size() + "), got " + counts.length);
        }
        double[] weights = new double[counts.length];
        if (balanced) {
            long n = 0;
            int present = 0;
            for (long count : counts) {
                n += count;
                present += count > 0 ? 1 : 0;
            }
            for (int c = 0; c < counts.length; c++) {
                weights[c] = counts[c] == 0 ? 1.0 : (double) n / (present * (double) counts[c]);
            }
            return weights;
        }
        List<String> unknown = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!classNames.contains(name)) {
                unknown.add("'" + name + "'");
            }
        }
        if (!unknown.isEmpty()) {
            List<String> found = new ArrayList<>();
            for (String name : classNames) {
                found.add("'" + name + "'");
            }
            throw new IllegalArgumentException("classWeight names " + String.join(", ", unknown) + ", which the data has no class of: expected class names among "
                    + String.join(", ", found));
        }
        for (int c = 0; c < weights.length; c++) {
            weights[c] = given.getOrDefault(classNames.get(c), 1.0);
        }
        return weights;
    }
}
