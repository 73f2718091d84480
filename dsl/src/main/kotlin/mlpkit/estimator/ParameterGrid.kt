package mlpkit.estimator

/**
 * scikit-learn's `ParameterGrid`: every combination of the values of [grid] (parameter name → values to try), the
 * names sorted and the last one varying fastest, as scikit-learn orders `cv_results_['params']`. Names are
 * [MlpParams]' (an unknown one fails listing them); each value is checked by its parameter's own constraint for the
 * estimator named [estimator], so a bad value fails before anything is fitted.
 */
class ParameterGrid @JvmOverloads constructor(grid: Map<String, List<Any?>>, estimator: String = "MlpEstimator") {
    /** The parameter names, sorted. */
    val names: List<String> = grid.keys.sorted()

    private val values: List<List<Any?>> = names.map { name ->
        val declaration = MlpParams.named(name) ?: throw InvalidParameterException(
            "Invalid parameter '$name' for estimator $estimator in the search grid. Valid parameters are: " +
                MlpParams.all.joinToString(", ", "[", "]") { "'${it.name}'" } + ".",
        )
        val options = grid.getValue(name)
        if (options.isEmpty()) {
            throw InvalidParameterException("Parameter grid for parameter '$name' needs to be a non-empty sequence, got [] (give at least one value).")
        }
        options.onEach { declaration.checked(it, estimator) }
    }

    /** How many combinations there are. */
    val size: Int = values.fold(1) { n, v -> Math.multiplyExact(n, v.size) }

    /** The combination at [index] (0 until [size]), as scikit-learn's `ParameterGrid[index]`: name → value, names sorted. */
    operator fun get(index: Int): Map<String, Any?> {
        require(index in 0 until size) { "grid point $index is outside 0 until $size" }
        val point = LinkedHashMap<String, Any?>()
        var rest = index
        for (k in names.indices.reversed()) {
            point[names[k]] = values[k][rest % values[k].size]
            rest /= values[k].size
        }
        return names.associateWithTo(LinkedHashMap()) { point[it] }
    }

    /** Every combination in order. */
    fun points(): List<Map<String, Any?>> = List(size) { get(it) }
}
