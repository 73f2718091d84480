package mlpkit.data.random

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long

/**
 * Reference outputs of numpy 1.24.2 / scikit-learn 1.2.1, read from the test classpath
 * (`src/test/resources/mlpkit/data/fixtures/`, written by `generate_fixtures.py` there or copied from
 * `../shared/fixtures/sklearn/`).
 */
internal object Fixtures {
    const val DIRECTORY = "/mlpkit/data/fixtures/"

    fun text(name: String): String {
        val stream = Fixtures::class.java.getResourceAsStream(DIRECTORY + name)
            ?: error("fixture $name is not on the test classpath under $DIRECTORY")
        return stream.use { it.readBytes().decodeToString() }
    }

    fun json(name: String): JsonObject = Json.parseToJsonElement(text(name)) as JsonObject

    fun doubles(element: JsonElement): DoubleArray = element.jsonArray.map { it.jsonPrimitive.double }.toDoubleArray()

    fun longs(element: JsonElement): LongArray = element.jsonArray.map { it.jsonPrimitive.long }.toLongArray()

    fun ints(element: JsonElement): IntArray = element.jsonArray.map { it.jsonPrimitive.long.toInt() }.toIntArray()

    /** A JSON matrix (list of rows) flattened row-major, with its shape; a flat list is one column. */
    fun matrix(element: JsonElement): Triple<Int, Int, DoubleArray> {
        val rows = element.jsonArray
        if (rows.isEmpty()) return Triple(0, 0, DoubleArray(0))
        if (rows[0] !is JsonArray) return Triple(rows.size, 1, doubles(rows))
        val cols = rows[0].jsonArray.size
        val out = DoubleArray(rows.size * cols)
        rows.forEachIndexed { r, row -> doubles(row).copyInto(out, r * cols) }
        return Triple(rows.size, cols, out)
    }

    /** Every file name in the fixture directory (the tests check none is left out). */
    fun listing(): List<String> {
        val url = Fixtures::class.java.getResource(DIRECTORY) ?: error("no fixture directory $DIRECTORY on the classpath")
        check(url.protocol == "file") { "fixtures are expected in a directory, found $url" }
        return java.io.File(url.toURI()).list()!!.sorted()
    }
}
