package mlpkit.dsl.resolve

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import mlpkit.data.csv.CsvFormatException
import mlpkit.data.csv.CsvWriter
import mlpkit.data.generators.makeMoons
import mlpkit.data.random.RandomState
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.ModelFile
import mlpkit.dsl.model.ModelFileException
import mlpkit.dsl.model.ModelJson
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.SplitSpec
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

/** A CSV training source loses no row, and its header's names go into the model file. */
class CsvSourceTest {
    @TempDir
    lateinit var dir: Path

    private fun resolve(source: DataSource, split: SplitSpec = SplitSpec(), resolver: DataResolver = DataResolver(dir)) =
        resolver.resolve(DataSpec(source, split), RandomState(1), 99)

    @Test
    fun `a headerless file trains with every row when the header is not given`() {
        CsvWriter.write(makeMoons(1000, noise = 0.1, randomState = 3), dir.resolve("moons.csv"), mlpkit.data.csv.CsvWriteOptions(header = false))
        val data = resolve(DataSource.Csv("moons.csv"), SplitSpec(validation = 0.2, test = 0.2))
        assertEquals(1000, data.train.size + data.validation!!.size + data.test!!.size)
        assertNull(data.featureNames)
    }

    @Test
    fun `a file with a header trains with every data row and keeps the feature names`() {
        Files.writeString(dir.resolve("iris.csv"), "sepal,species,petal\n1,a,2\n3,b,4\n5,a,6\n")
        val data = resolve(DataSource.Csv("iris.csv", label = "species"))
        assertEquals(3, data.train.size)
        assertEquals(listOf("sepal", "petal"), data.featureNames)
    }

    @Test
    fun `an explicit header on a line of numbers is refused in the words of a JSON config`() {
        Files.writeString(dir.resolve("moons.csv"), "1,2,0\n3,4,1\n")
        val error = assertThrows<CsvFormatException> {
            resolve(DataSource.Csv("moons.csv", header = true), resolver = DataResolver(dir, csvHeaderSwitch = DataResolver.JSON_CSV_HEADER))
        }
        assertEquals(
            "${dir.resolve("moons.csv")}:1: a header line was asked for (\"header\": true), but line 1 holds only numbers, so it is a data row: " +
                "use \"header\": false to read it as data, or add a line of column names",
            error.message,
        )
        assertEquals(2, resolve(DataSource.Csv("moons.csv", header = false)).train.size)
    }

    @Test
    fun `a headerless first row with a missing value is reported at line 1 instead of being dropped`() {
        Files.writeString(dir.resolve("holes.csv"), "1,,0\n3,4,1\n")
        val error = assertThrows<CsvFormatException> { resolve(DataSource.Csv("holes.csv")) }
        assertEquals(
            "${dir.resolve("holes.csv")}:1: column 2: expected a number, got an empty field (missing values are not supported: fill or drop them first) " +
                "(line 1 is read as data because some of its fields are numbers; if it is a header, use header = true)",
            error.message,
        )
    }

    @Test
    fun `a test file whose header names other columns is refused`() {
        Files.writeString(dir.resolve("train.csv"), "a,b,label\n1,2,0\n3,4,1\n")
        Files.writeString(dir.resolve("test.csv"), "b,a,label\n1,2,0\n")
        val error = assertThrows<IllegalArgumentException> { resolve(DataSource.Csv("train.csv", "test.csv")) }
        assertEquals(
            "test.csv has the feature columns b, a but train.csv has a, b: the test file must have the training file's columns, in the same order",
            error.message,
        )
    }

    @Test
    fun `the model file records the feature names, keeps them on a round trip, and reads files without them`() {
        Files.writeString(dir.resolve("points.csv"), "x0,x1,label\n" + (0 until 40).joinToString("") { "${it % 7},${it % 5},${it % 2}\n" })
        val file = dir.resolve("points.csv").toString()
        val result = TrainingRun(
            experiment("named") {
                data { csv(file) }
                network { dense(2, softmax) }
                training { loss = softmaxCrossEntropy; epochs = 1; batchSize = 8; seed = 1 }
            },
        ).fit()
        assertEquals(listOf("x0", "x1"), result.model.file.featureNames)
        val path = dir.resolve("model.json")
        result.model.save(path)
        assertEquals(listOf("x0", "x1"), Model.load(path).file.featureNames)

        val json = ModelJson.format.parseToJsonElement(Files.readString(path)).jsonObject
        val old = ModelJson.format.encodeToString(JsonObject.serializer(), JsonObject(json - "featureNames"))
        val loaded = ModelFile.decode(old, "old.json")
        assertNull(loaded.featureNames)
        assertArrayEquals(result.model.file.parameters, loaded.parameters, 0.0)
        assertEquals(old, loaded.encode(), "a model without feature names is written without the field, as before it existed")

        val wrong = ModelJson.format.encodeToString(JsonObject.serializer(), JsonObject(json + ("featureNames" to kotlinx.serialization.json.JsonArray(listOf(JsonPrimitive("x0"))))))
        assertEquals("bad.json: 1 feature names for 2 inputs: the file is damaged", assertThrows<ModelFileException> { ModelFile.decode(wrong, "bad.json") }.message)
    }

    private fun csvConfig(source: String) = """
        {
          "name": "csv",
          "data": { "source": $source },
          "network": "network < dense(2, softmax) >",
          "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": 1, "batchSize": 4 }
        }
    """.trimIndent()

    @Test
    fun `the header setting is true, false or left out in JSON and the DSL alike, and a spec file keeps it`() {
        val auto = ExperimentFiles.parseJson(csvConfig("""{ "type": "csv", "train": "a.csv" }"""), "csv.json")
        assertEquals(DataSource.Csv("a.csv", header = null), auto.data.source)
        assertEquals(auto.data.source, ExperimentFiles.parseJson(csvConfig("""{ "type": "csv", "train": "a.csv", "header": null }"""), "csv.json").data.source)
        assertEquals(DataSource.Csv("a.csv", header = false), ExperimentFiles.parseJson(csvConfig("""{ "type": "csv", "train": "a.csv", "header": false }"""), "csv.json").data.source)
        assertEquals(auto.data.source, experiment("csv") { data { csv("a.csv") }; network { dense(2, softmax) }; training { loss = softmaxCrossEntropy } }.spec.data.source)
        assertEquals(DataSource.Csv("a.csv", header = true), experiment("csv") { data { csv("a.csv", header = true) }; network { dense(2, softmax) }; training { loss = softmaxCrossEntropy } }.spec.data.source)
        for (spec in listOf(auto, auto.copy(data = auto.data.copy(source = DataSource.Csv("a.csv", header = true))))) {
            assertEquals(spec, SpecJson.decode(SpecJson.encode(spec)))
            assertEquals(spec, ExperimentFiles.parseJson(SpecJson.encode(spec), "spec.json"), "a run's spec.json is a valid experiment file")
        }
        val problems = ExperimentFiles.checkJson(csvConfig("""{ "type": "csv", "train": "a.csv", "header": "yes" }"""), "csv.json")
        assertEquals(listOf("csv.json: $.data.source.header: wrong type (expected true or false or null, got \"yes\")"), problems.map { it.message })
    }
}
