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

    companion object {
        /** A double as a JSON writer would show it: `0` rather than `0.0`, `1.0E-5` as is. */
        fun number(value: Double): String =
            if (value.isFinite() && value == Math.rint(value) && kotlin.math.abs(value) < 1e15) value.toLong().toString() else value.toString()
    }
}
