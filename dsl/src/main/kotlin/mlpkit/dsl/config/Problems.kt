package mlpkit.dsl.config

/**
 * Collects the problems of one configuration (from [file]) in the order they are found, all in the
 * `what is wrong (expected …, got …)` form, so every check reads the same.
 */
internal class Problems(val file: String) {
    private val found = mutableListOf<ConfigException>()

    val all: List<ConfigException> get() = found.toList()

    fun add(path: JsonPath, problem: String) {
        found += ConfigException(file, path.toString(), problem)
    }

    fun add(path: JsonPath, what: String, expected: String, got: String, hint: String = "") =
        add(path, "$what (expected $expected, got $got)$hint")

    fun addAll(problems: List<ConfigException>) {
        found += problems
    }

    /** Adds a problem unless [value] is a whole number ≥ 1 (epochs, threads, patience, …). */
    fun atLeastOne(path: JsonPath, value: Int, what: String, hint: String = "") {
        if (value < 1) add(path, what, "a whole number ≥ 1", value.toString(), hint)
    }

    /** Adds a problem unless [value] is finite and > 0. */
    fun positive(path: JsonPath, value: Double, what: String, hint: String = "") {
        if (!(value > 0 && value.isFinite())) add(path, what, "a finite number > 0", number(value), hint)
    }

    /** Adds a problem unless [value] is finite and ≥ 0. */
    fun nonNegative(path: JsonPath, value: Double, what: String, hint: String = "") {
        if (!(value >= 0 && value.isFinite())) add(path, what, "a finite number ≥ 0", number(value), hint)
    }

    /** Adds a problem unless 0 ≤ [value] < 1. */
    fun fraction(path: JsonPath, value: Double, what: String, hint: String = "") {
        if (!(value >= 0 && value < 1)) add(path, what, "a number in [0, 1)", number(value), hint)
    }

    /** Adds a problem unless 0 < [value] ≤ 1. */
    fun factor(path: JsonPath, value: Double, what: String, hint: String = "") {
        if (!(value > 0 && value <= 1)) add(path, what, "a number in (0, 1]", number(value), hint)
    }

    companion object {
        /** A double as a JSON writer would show it: `0` rather than `0.0`, `1.0E-5` as is. */
        fun number(value: Double): String =
            if (value.isFinite() && value == Math.rint(value) && kotlin.math.abs(value) < 1e15) value.toLong().toString() else value.toString()
    }
}
