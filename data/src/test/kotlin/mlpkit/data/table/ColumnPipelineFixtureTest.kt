package mlpkit.data.table

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.random.Fixtures
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** The fitted pipeline against scikit-learn's ColumnTransformer on penguins (scripts/generate_pipeline_fixtures.py). */
class ColumnPipelineFixtureTest {
    private val fixture = Fixtures.json("sklearn_penguins_pipeline.json")
    private val table = BuiltInSets.get("penguins").table!!.read()
    private val train = fixture["train"]!!.jsonArray.map { it.jsonPrimitive.int }.toIntArray()
    private val test = fixture["test"]!!.jsonArray.map { it.jsonPrimitive.int }.toIntArray()
    private val features = table.names.filter { it != "species" }
    private val measurements = listOf("bill_length_mm", "bill_depth_mm", "flipper_length_mm")

    private fun config(name: String) = fixture["configs"]!!.jsonArray.map { it as JsonObject }.first { it["name"]!!.jsonPrimitive.content == name }

    private fun assertMatches(expected: JsonObject, pipeline: ColumnPipeline) {
        assertEquals(expected["featureNames"]!!.jsonArray.map { it.jsonPrimitive.content }, pipeline.featureNames)
        for ((key, rows) in listOf("trainMatrix" to train, "testMatrix" to test)) {
            val actual: DenseMatrix = pipeline.transform(table, rows)
            val reference = expected[key]!!.jsonArray
            assertEquals(reference.size, actual.rowDimension)
            for (i in reference.indices) {
                val row = Fixtures.doubles(reference[i])
                for (j in row.indices) assertEquals(row[j], actual.getEntry(i, j), 1e-12, "$key[$i][$j] (${pipeline.featureNames[j]})")
            }
        }
    }

    @Test
    fun `mean imputation, most frequent sex and standard scaling transform penguins as scikit-learn's column transformer does`() {
        val options = measurements.associateWith { ColumnOptions(missing = Imputation.MEAN) } +
            mapOf("body_mass_g" to ColumnOptions(missing = Imputation.MEAN), "sex" to ColumnOptions(missing = Imputation.MOST_FREQUENT))
        val pipeline = ColumnPipeline.fit(table, features, train, options, ColumnScaling.STANDARD)
        assertMatches(config("mean_standard"), pipeline)
    }

    @Test
    fun `medians, a most frequent body mass, a constant sex and min-max scaling transform penguins as scikit-learn does`() {
        val options = measurements.associateWith { ColumnOptions(missing = Imputation.MEDIAN) } + mapOf(
            "body_mass_g" to ColumnOptions(missing = Imputation.MOST_FREQUENT),
            "sex" to ColumnOptions(missing = Imputation.CONSTANT, fill = "unknown", ignoreUnknown = true),
            "island" to ColumnOptions(ignoreUnknown = true),
            "year" to ColumnOptions(scaling = ColumnScaling.NONE),
        )
        val pipeline = ColumnPipeline.fit(table, features, train, options, ColumnScaling.MIN_MAX)
        assertMatches(config("median_minmax"), pipeline)
    }
}
