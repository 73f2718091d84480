package mlpkit.core.gradcheck;

/**
 * One line of a gradient check: a tensor ({@code W} or {@code b}) of a layer, or the whole layer
 * ({@code W,b}), with the norms of the analytic and numerical gradients and their relative error
 * ‖g_analytic − g_numeric‖ / max(‖g_analytic‖ + ‖g_numeric‖, floor).
 */
public record GradientCheckRow(int layerIndex, String layerNotation, String tensor, int entriesChecked,
                               double analyticNorm, double numericNorm, double relativeError) {
}
