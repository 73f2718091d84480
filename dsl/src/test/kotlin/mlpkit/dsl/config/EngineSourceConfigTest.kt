package mlpkit.dsl.config

import mlpkit.core.distributed.InputScaling
import mlpkit.core.distributed.RowSource
import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnOptionsSerializer
import mlpkit.data.table.ColumnRole
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.Imputation
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The `"type": "spark"` data source: its keys and defaults, and what is refused at its JSON path. */
class EngineSourceConfigTest {
    private val generator = """{"type": "generator", "generator": "make_moons", "params": {"n_samples": 100, "noise": 0.1}}"""
    private val lbfgs = """{"type": "sgd", "lr": 0.5}, "epochs": 300, "batchSize": "full"}"""

    private fun spark(source: String, cluster: String? = """{"master": "local[2]"}""", rest: String = "") =
        moonsWith(generator, source).replace(lbfgs, "\"lbfgs\", \"epochs\": 30}" + (cluster?.let { ", \"cluster\": $it" } ?: "") + rest)

    @Test
    fun `a spark source in JSON is the spark source of the DSL, features as one name or a list, defaults left out when written`() {
        val json = ExperimentFiles.parseJson(
            spark("""{"type": "spark", "format": "csv", "path": "rows/*.csv", "features": ["x1", "x2"], "label": "y", "sampleWeight": "w", "options": {"sep": ";"}}"""),
            "moons.json",
        )
        val dsl = experiment("moons") {
            data { spark("csv", "rows/*.csv") { features("x1", "x2"); label("y"); sampleWeight("w"); option("sep", ";") } }
            network { dense(10, relu); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 30 }
            cluster { master = "local[2]" }
        }.spec
        assertEquals(json, dsl)
        assertEquals(json, SpecJson.decode(SpecJson.encode(json)))
        val minimal = ExperimentFiles.parseJson(spark("""{"type": "spark", "format": "parquet", "path": "rows.parquet", "features": "f"}"""), "moons.json")
        assertEquals(DataSource.Spark("parquet", "rows.parquet", listOf("f")), minimal.data.source)
        val written = SpecJson.encode(minimal)
        assertTrue("\"features\": \"f\"" in written && "sampleWeight" !in written && "options" !in written, written)
    }

    @Test
    fun `an unknown key of a spark source names its path and the allowed keys`() {
        assertEquals(
            "moons.json: $.data.source.weight: unknown key (expected one of type, format, path, features, label, sampleWeight, options, labels, columns, " +
                "got \"weight\")",
            firstProblem(spark("""{"type": "spark", "format": "parquet", "path": "p", "weight": "w"}""")),
        )
    }

    @Test
    fun `a spark source without a path is refused with what a path is`() {
        assertEquals(
            "moons.json: $.data.source.path: missing required key (expected a string, got nothing)",
            firstProblem(spark("""{"type": "spark", "format": "parquet"}""")),
        )
        assertEquals(
            "moons.json: $.data.source.features: wrong type (expected a column name or a list of column names, got 3)",
            firstProblem(spark("""{"type": "spark", "format": "parquet", "path": "p", "features": 3}""")),
        )
    }

    @Test
    fun `a spark source without a cluster block is read, and its run is refused with what to add`() {
        val spec = ExperimentFiles.parseJson(spark("""{"type": "spark", "format": "parquet", "path": "p"}""", cluster = null), "moons.json")
        val expected = "moons.json: $.data.source: data read by an engine without one (expected a \"cluster\" block, e.g. \"cluster\": {\"master\": \"local[2]\"}, " +
            "or mlp run --spark local[2], got no cluster block)"
        assertEquals(listOf(expected), SpecValidation.runProblems(spec, "moons.json").map { it.message })
        val error = assertThrows<ConfigException> { mlpkit.dsl.train.TrainingRun.of(spec).fit() }
        assertEquals(expected.replace("moons.json", "moons"), error.message)
        assertEquals(emptyList<ConfigException>(), SpecValidation.runProblems(spec.copy(cluster = mlpkit.dsl.spec.ClusterSpec("local[2]")), "moons.json"))
    }

    @Test
    fun `what needs the rows here is refused on a spark source, each at its path`() {
        val problems = allProblems(
            spark(
                """{"type": "spark", "format": "orc", "path": "p", "labels": "l", "features": ["f", "g"], "columns": {"x": "categorical"}}""",
                rest = """, "expect": [{"metric": "validation_auc", "atLeast": 0.9}]""",
            ).replace("\"data\": {\"source\"", "\"data\": {\"split\": {\"test\": 0.2, \"stratify\": true, \"validation\": 0.1}, \"source\""),
        )
        assertEquals(
            listOf(
                "moons.json: $.data.source.format: unknown format (expected one of csv, parquet, json, idx, got \"orc\")",
                "moons.json: $.data.source.labels: a label file for orc files (expected no labels (name the label column in \"label\"), got \"l\")",
                "moons.json: $.data.source.features: feature columns named in the table form (expected no features (with columns, every column but " +
                    "the label and sampleWeight is a feature column, as in a csv table), got \"f\", \"g\")",
                "moons.json: $.data.split.test: a test part of data read by an engine (expected 0 (the engine splits off validation rows only), got 0.2); " +
                    "score a test set with mlp predict",
                "moons.json: $.data.split.stratify: a stratified split of data read by an engine (expected false (each row goes to validation by a hash " +
                    "of its row number), got true)",
                "moons.json: $.expect[0].metric: validation_auc on data read by an engine (expected a metric the engine sums on its workers: " +
                    "loss, accuracy, mae, rmse, r2, max_error; got auc, which needs every row's prediction)",
            ),
            problems,
        )
    }

    @Test
    fun `a columns block on a spark source, in JSON or the DSL, is accepted and maps onto the table form of the engine's row source`() {
        val spec = ExperimentFiles.parseJson(
            spark(
                """{"type": "spark", "format": "parquet", "path": "penguins.parquet", "label": "species", "sampleWeight": "w", """ +
                    """"columns": {"island": "categorical", "sex": {"categorical": true, "missing": "mostFrequent"}, "bill_length_mm": {"missing": "mean", "scaling": "minmax"}}}""",
            ).replace("\"data\": {\"source\"", "\"data\": {\"scaling\": \"standard\", \"split\": {\"validation\": 0.2, \"randomState\": 7}, \"source\""),
            "moons.json",
        )
        assertEquals(emptyList<ConfigException>(), SpecValidation.runProblems(spec, "moons.json"))
        val source = mlpkit.dsl.resolve.EngineRowSource.of(spec.data, spec.training, 3, 11, null, "the network")
        val columns = source.columns()!!
        val expected = mapOf(
            "island" to ColumnOptions.CATEGORICAL,
            "sex" to ColumnOptions(ColumnRole.CATEGORICAL, Imputation.MOST_FREQUENT),
            "bill_length_mm" to ColumnOptions(missing = Imputation.MEAN, scaling = ColumnScaling.MIN_MAX),
        )
        assertEquals(expected, ColumnOptionsSerializer.read(columns.options()))
        assertEquals(expected.keys.toList(), ColumnOptionsSerializer.read(columns.options()).keys.toList())
        assertEquals(InputScaling.STANDARD, columns.defaultScaling())
        assertEquals(listOf("", "NA", "NaN", "?"), columns.missing())
        assertEquals(InputScaling.NONE, source.scaling())
        assertEquals(listOf(RowSource.FEATURES), source.features())
        assertEquals("species", source.label())
        assertEquals("w", source.weight())
        assertEquals(0.2, source.validationFraction())
        assertEquals(7L, source.validationSeed())
        assertEquals(spec, SpecJson.decode(SpecJson.encode(spec)))
        val dsl = experiment("moons") {
            data {
                spark("parquet", "penguins.parquet") {
                    label("species"); sampleWeight("w")
                    columns { categorical("island"); column("sex", categorical = true, missing = mostFrequent); column("bill_length_mm", missing = mean, scaling = minMax) }
                }
                scaling = standard; split(validation = 0.2, randomState = 7)
            }
            network { dense(10, relu); dense(2, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 30 }
            cluster { master = "local[2]" }
        }.spec
        assertEquals(spec.data, dsl.data)
    }

    @Test
    fun `a columns block on IDX images is refused at its path`() {
        assertEquals(
            listOf("moons.json: $.data.source.columns: the table form of IDX images (expected no columns (IDX files hold pixels, not named columns), got a columns block)"),
            allProblems(spark("""{"type": "spark", "format": "idx", "path": "images.idx", "labels": "labels.idx", "columns": {}}""")),
        )
    }
}
