package mlpkit.core.metrics;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.concept.Concepts;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.Registry;

/**
 * A metric a run watches from epoch to epoch (early stopping, reduce-on-plateau): its reported name
 * ({@code validation_loss}; Keras' {@code val_loss} is accepted), which way is better ({@code auto} asks the
 * metric: lower for losses, higher for accuracy and AUC) and how much better counts ({@code minDelta}).
 */
public final class Monitor {
    /** The modes a monitor can have. */
    public static final List<String> MODES = List.of("auto", "min", "max");

    private final String metric;
    private final boolean maximise;
    private final double minDelta;

    /**
     * @throws ConceptException when {@code name} is no {@code <part>_<metric>} of {@code registry}'s metrics or
     *                          {@code mode} is not one of {@link #MODES}
     */
    public Monitor(String name, String mode, double minDelta, Registry registry) {
        this.metric = normalise(name);
        Metric measure = metricOf(name, registry);
        this.maximise = switch (mode) {
            case "auto" -> measure.higherIsBetter();
            case "min" -> false;
            case "max" -> true;
            default -> throw new ConceptException("monitor mode '" + mode + "' is unknown", "one of " + String.join(", ", MODES),
                    "'" + mode + "'", "");
        };
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new ConceptException("monitor", "minDelta", "a number ≥ 0", Double.toString(minDelta), "");
        }
        this.minDelta = minDelta;
    }

    /** {@code val_loss} → {@code validation_loss}; other names as given. */
    public static String normalise(String name) {
        String prefix = Metric.VALIDATION_ALIAS + "_";
        return name.startsWith(prefix) ? "validation_" + name.substring(prefix.length()) : name;
    }

    /** Every name a run can be asked to watch: each part (and {@code val}) with each metric of {@code registry}. */
    public static List<String> names(Registry registry) {
        List<String> names = new ArrayList<>();
        for (String part : List.of("train", Metric.VALIDATION_ALIAS, "validation")) {
            for (String m : registry.of(Metric.KIND).names()) {
                names.add(part + "_" + m);
            }
        }
        return names;
    }

    /**
     * {@code train_objective}: the training loss plus the L2 penalty of a per-sample weight decay (scikit-learn's
     * {@code loss_curve_}), reported by runs whose optimiser has one; watched as a loss (lower is better).
     */
    public static final String OBJECTIVE = "objective";

    /** The metric of {@code <part>_<metric>} ({@code <part>_objective} is watched as the loss). */
    public static Metric metricOf(String name, Registry registry) {
        String normalised = normalise(name);
        Concepts<Metric> metrics = registry.of(Metric.KIND);
        for (String part : Metric.PARTS) {
            if (normalised.startsWith(part + "_")) {
                String measured = normalised.substring(part.length() + 1);
                var concept = metrics.find(OBJECTIVE.equals(measured) ? "loss" : measured);
                if (concept.isPresent()) {
                    return concept.get().create();
                }
            }
        }
        List<String> known = names(registry);
        throw new ConceptException("unknown metric '" + name + "'", "one of " + String.join(", ", known), "'" + name + "'",
                mlpkit.core.concept.ClosestName.suggestion(name, known));
    }

    /** The reported name watched, e.g. {@code validation_loss}. */
    public String metric() {
        return metric;
    }

    public boolean maximise() {
        return maximise;
    }

    /** Whether {@code value} improves on {@code best} by more than minDelta (any finite value improves on NaN, none is). */
    public boolean improves(double value, double best) {
        if (!Double.isFinite(value)) {
            return false;
        }
        if (!Double.isFinite(best)) {
            return true;
        }
        return maximise ? value > best + minDelta : value < best - minDelta;
    }
}
