package mlpkit.dsl.config

import mlpkit.core.network.NetworkSpec
import mlpkit.core.network.NotationException

/**
 * Network notation errors in the `what is wrong (expected …, got …)` form. The core parser says
 * `network notation, column 20: unknown activation 'softmx': expected one of …` or
 * `…, column 18: expected a whole number of units ≥ 1, found '0'`; both are rearranged, keeping the column.
 */
internal object NotationProblem {
    private val prefix = Regex("""^network notation, column (\d+): """)
    private val expectedFound = Regex("""^expected (.*), found (.*)$""")
    private val unknownName = Regex("""^(unknown [\w ]+) '(.*)': expected (.*)$""")
    private val argumentCount = Regex("""^(.+?) takes (.+), got (\d+)$""")

    /** The problem with [notation], or null when it parses. */
    fun of(notation: String): String? = try {
        NetworkSpec.parse(notation)
        null
    } catch (e: NotationException) {
        describe(e, e.column())
    } catch (e: IllegalArgumentException) {
        "network notation does not make a network: ${e.message}"
    }

    /**
     * [e] rearranged. [column] is given for a notation the user wrote; it is null for one put together
     * here from a layer object's field, whose columns would mean nothing to the user.
     */
    fun describe(e: NotationException, column: Int?): String {
        val rest = e.message.orEmpty().replace(prefix, "")
        val doesNotParse = if (column != null) "network notation does not parse at column $column" else "does not parse"
        expectedFound.matchEntire(rest)?.let { match ->
            val (expected, found) = match.destructured
            return "$doesNotParse (expected $expected, got $found)"
        }
        unknownName.matchEntire(rest)?.let { match ->
            val (what, name, expected) = match.destructured
            val where = if (column != null) " in the network notation at column $column" else ""
            return "$what$where (expected $expected, got '$name')"
        }
        argumentCount.matchEntire(rest)?.let { match ->
            val (what, expected, got) = match.destructured
            val where = if (column != null) " in the network notation at column $column" else ""
            return "wrong number of arguments$where (expected $expected for $what, got $got)"
        }
        return if (column != null) "$doesNotParse: $rest" else rest
    }
}
