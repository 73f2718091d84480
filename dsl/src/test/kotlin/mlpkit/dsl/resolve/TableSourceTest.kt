package mlpkit.dsl.resolve

import mlpkit.data.csv.CsvFormatException
import mlpkit.data.random.RandomState
import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnRole
import mlpkit.data.table.FittedColumn
import mlpkit.data.table.Imputation
import mlpkit.data.table.TableReader
import mlpkit.dsl.Experiment
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.MissingTarget
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.SplitSpec
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

/** CSV tables (text columns, missing values) through the column pipeline: JSON, DSL, resolver, model file, predict. */
class TableSourceTest {
    @TempDir
    lateinit var dir: Path

    private val penguins: Path by lazy {
        dir.resolve("penguins.csv").also { target ->
            TableSourceTest::class.java.getResourceAsStream("/mlpkit/data/tabular/penguins.csv")!!.use { Files.copy(it, target) }
        }
    }

    private val config = """
        {"name": "penguins",
         "data": {"source": {"type": "csv", "train": "penguins.csv", "label": "species",
                             "columns": {"island": "categorical",
                                         "sex": {"categorical": true, "missing": "mostFrequent"},
                                         "bill_length_mm": {"missing": "mean"}, "bill_depth_mm": {"missing": "mean"},
                                         "flipper_length_mm": {"missing": "median"}, "body_mass_g": {"missing": "mean"}}},
                  "split": {"test": 0.25, "randomState": 0}, "scaling": "standard"},
         "network": "network < dense(8, tanh); dense(3, softmax) >",
         "training": {"loss": "softmaxCrossEntropy", "optimizer": "adam(lr=0.02)", "epochs": 30, "batchSize": 32, "seed": 3}}
    """.trimIndent()

    private fun trained(): Model {
        penguins
        val spec = ExperimentFiles.parseJson(config, "penguins.json")
        return TrainingRun(Experiment(spec), resolver = DataResolver(dir)).fit().model
    }

    @Test
    fun `the JSON form reads and writes back with the columns as written, and the DSL makes the same spec`() {
        val spec = ExperimentFiles.parseJson(config, "penguins.json")
        val source = spec.data.source as DataSource.Csv
        assertTrue(source.isTable)
        assertEquals(ColumnOptions(ColumnRole.CATEGORICAL), source.columns!!["island"])
        assertEquals(ColumnOptions(ColumnRole.CATEGORICAL, Imputation.MOST_FREQUENT), source.columns!!["sex"])
        assertEquals(spec, SpecJson.decode(SpecJson.encode(spec)))
        assertTrue(""""island":"categorical"""" in SpecJson.encode(spec).replace(" ", ""))
        val dsl = experiment("penguins") {
            data {
                csv("penguins.csv", label = "species") {
                    categorical("island")
                    column("sex", categorical = true, missing = mostFrequent)
                    column("bill_length_mm", missing = mean); column("bill_depth_mm", missing = mean)
                    column("flipper_length_mm", missing = median); column("body_mass_g", missing = mean)
                }
                split(test = 0.25, randomState = 0); scaling = standard
            }
            network { dense(8, tanh); dense(3, softmax) }
            training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.02); epochs = 30; batchSize = 32; seed = 3 }
        }
        assertEquals(spec.data, dsl.spec.data)
    }

    @Test
    fun `a numeric CSV source without the table fields writes no new keys`() {
        val text = SpecJson.encode(ExperimentFiles.parseJson("""{"name": "x", "data": {"source": {"type": "csv", "train": "a.csv"}}, "network": "network < dense(1, sigmoid) >"}""", "x.json"))
        assertFalse("columns" in text || "missing" in text)
    }

    @Test
    fun `mistakes in columns are reported at their JSON path in the words written`() {
        val bad = config.replace(""""island": "categorical"""", """"island": "categorial"""")
            .replace(""""missing": "median"""", """"missing": "medain"""")
            .replace("""{"categorical": true, "missing": "mostFrequent"}""", """{"categorical": true, "missing": "mean", "unknwn": "ignore"}""")
        val e = assertThrows<ConfigException> { ExperimentFiles.parseJson(bad, "penguins.json") }
        val messages = e.problems.map { it.message!! }
        assertEquals(4, messages.size, messages.joinToString("\n"))
        assertTrue(messages.any { it.startsWith("penguins.json: $.data.source.columns.island: unknown column role") && "did you mean \"categorical\"" in it }, messages.joinToString("\n"))
        assertTrue(messages.any { it.startsWith("penguins.json: $.data.source.columns.flipper_length_mm.missing: unknown value") }, messages.joinToString("\n"))
        assertTrue(messages.any { it == "penguins.json: $.data.source.columns.sex.missing: no mean for a categorical column (expected one of refuse, mostFrequent, constant, got \"mean\"); mean needs numbers: use mostFrequent or constant (with fill)" }, messages.joinToString("\n"))
        assertTrue(messages.any { it.startsWith("penguins.json: $.data.source.columns.sex.unknwn: unknown key") }, messages.joinToString("\n"))
    }

    @Test
    fun `a column name not in the file is refused with the header's names`() {
        penguins
        val source = DataSource.Csv("penguins.csv", label = "species", columns = mapOf("isle" to ColumnOptions.CATEGORICAL))
        val e = assertThrows<ConfigException> { DataResolver(dir, experimentFile = "p.json").resolve(DataSpec(source), RandomState(1), 1) }
        assertEquals(
            "p.json: $.data.source.columns.isle: no column 'isle' in penguins.csv; the feature columns are 'island', 'bill_length_mm', " +
                "'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year'",
            e.message,
        )
    }

    @Test
    fun `missing values are refused by default with the file, line and column`() {
        penguins
        val source = DataSource.Csv("penguins.csv", label = "species", columns = emptyMap())
        val e = assertThrows<CsvFormatException> { DataResolver(dir).resolve(DataSpec(source), RandomState(1), 1) }
        assertEquals(
            "${dir.resolve("penguins.csv")}:5: column 'bill_length_mm': missing value 'NA'; expected a value, or set \"missing\": " +
                "\"mean\" (or median, mostFrequent, constant) for this column in data.source.columns",
            e.message,
        )
    }

    @Test
    fun `no statistic comes from validation or test rows, and rows without a target are left out with a note`() {
        val rows = Files.readAllLines(penguins)
        val spec = ExperimentFiles.parseJson(config, "penguins.json").data
        val resolver = DataResolver(dir)
        val data = resolver.resolve(spec, RandomState(1), 1)
        val test = data.splitIndices!!.test
        // Rewrite every test row's measurements and sex: the fitted pipeline must not change.
        val changed = rows.mapIndexed { i, line ->
            if (i - 1 in test) line.split(",").let { f -> listOf(f[0], "Dream", "999", "999", "999", "99999", "female", f[7]).joinToString(",") } else line
        }
        Files.write(penguins, changed)
        val again = resolver.resolve(spec, RandomState(1), 1)
        assertEquals(data.pipeline, again.pipeline)
        assertArrayEquals(data.train.features.toMatrix().data(), again.train.features.toMatrix().data(), 0.0)
        assertEquals(emptyList<String>(), data.notes)
        Files.write(penguins, rows.mapIndexed { i, line -> if (i == 3) "NA" + line.substringAfter(",").let { ",$it" } else line })
        assertEquals(listOf("1 row with a missing 'species' left out of training and evaluation"), resolver.resolve(spec, RandomState(1), 1).notes)
        val refusing = (spec.source as DataSource.Csv).copy(missingTarget = MissingTarget.REFUSE)
        val e = assertThrows<CsvFormatException> { resolver.resolve(spec.copy(source = refusing), RandomState(1), 1) }
        assertTrue(e.message!!.endsWith(":4: column 'species' (the target): missing value 'NA'; expected a value, or set \"missingTarget\": \"drop\" in data.source to leave such rows out"), e.message)
    }

    @Test
    fun `a trained model predicts from text rows, with missing values imputed as in training, bit for bit as in memory and after saving`() {
        val model = trained()
        val pipeline = model.file.pipeline!!
        assertEquals(model.inputSize, pipeline.width)
        assertNull(model.file.inputScaling)
        assertEquals(listOf("Adelie", "Chinstrap", "Gentoo"), model.classNames)
        // Line 5 of penguins.csv has no measurements and no sex: all imputed from the training rows.
        val file = dir.resolve("predict.csv")
        Files.write(file, listOf(
            "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year",
            "Torgersen,NA,NA,NA,NA,NA,2007",
            "Biscoe,46.1,13.2,211,4500,female,2007",
        ))
        val table = TableReader.read(file)
        val sex = pipeline.columns.first { it.name == "sex" } as FittedColumn.Categorical
        val imputedRow = model.features(table).getRow(0)
        assertEquals(1.0, imputedRow[pipeline.featureNames.indexOf("sex=${sex.fill}")])
        val billLength = pipeline.columns.first { it.name == "bill_length_mm" } as FittedColumn.Numeric
        val standard = billLength.scaler as mlpkit.data.scaling.StandardScaler
        assertEquals((billLength.fill!! - standard.mean!![0]) / standard.scale!![0], imputedRow[pipeline.featureNames.indexOf("bill_length_mm")], 0.0)
        // The same outputs as the in-memory model on the features made by hand, and after save → load.
        assertArrayEquals(model.predict(model.features(table)).data(), model.predict(table).data(), 0.0)
        val saved = dir.resolve("model.json")
        model.save(saved)
        val loaded = Model.load(saved)
        assertEquals(pipeline, loaded.file.pipeline)
        assertArrayEquals(model.predict(table).data(), loaded.predict(table).data(), 0.0)
        assertArrayEquals(model.predictClasses(table), loaded.predictClasses(table))
        assertEquals("Gentoo", loaded.classNames!![loaded.predictClasses(table)[1]])
    }

    @Test
    fun `an unseen category at predict time is an error naming column, value and line, or all zeros when the column ignores unknowns`() {
        val model = trained()
        val file = dir.resolve("predict.csv")
        Files.write(file, listOf("island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year", "Atlantis,40,18,190,3800,male,2008"))
        val e = assertThrows<CsvFormatException> { model.predict(TableReader.read(file)) }
        assertEquals(
            "$file:2: column 'island': category 'Atlantis' was not seen in the training rows; expected one of 'Biscoe', 'Dream', 'Torgersen': " +
                "correct the value, or set \"unknown\": \"ignore\" for this column in data.source.columns (it is then encoded as all zeros)",
            e.message,
        )
        val ignoring = ExperimentFiles.parseJson(config.replace(""""island": "categorical"""", """"island": {"categorical": true, "unknown": "ignore"}"""), "p.json")
        val lenient = TrainingRun(Experiment(ignoring), resolver = DataResolver(dir)).fit().model
        val features = lenient.features(TableReader.read(file))
        val island = lenient.file.pipeline!!.featureNames.indices.filter { lenient.file.pipeline!!.featureNames[it].startsWith("island=") }
        assertEquals(listOf(0.0, 0.0, 0.0), island.map { features.getEntry(0, it) })
        assertArrayEquals(lenient.predict(features).data(), lenient.predict(TableReader.read(file)).data(), 0.0)
    }

    @Test
    fun `the built-in penguins set resolves as a table with island and sex inferred categorical`() {
        val data = DataResolver().resolve(DataSpec(DataSource.BuiltIn("penguins"), SplitSpec(test = 0.2, randomState = 0), Scaling.STANDARD), RandomState(1), 1)
        val pipeline = data.pipeline!!
        assertEquals(
            listOf("island=Biscoe", "island=Dream", "island=Torgersen", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex=female", "sex=male", "year"),
            pipeline.featureNames,
        )
        assertTrue(pipeline.columns[0].inferred && pipeline.columns[0] is FittedColumn.Categorical)
        assertEquals(275 + 69, data.train.size + data.test!!.size)
        assertEquals(listOf("Adelie", "Chinstrap", "Gentoo"), data.classNames)
    }

    @Test
    fun `a built-in table takes column options over its own, in JSON and the DSL alike, and a numbers set refuses them`() {
        val json = """{"name": "p", "data": {"source": {"type": "builtin", "set": "penguins", "columns": {"sex": {"categorical": true, "missing": "constant", "fill": "unknown"}}},
            "scaling": "standard"}, "network": "network < dense(3, softmax) >", "training": {"loss": "softmax-ce"}}"""
        val spec = ExperimentFiles.parseJson(json, "p.json")
        val dsl = experiment("p") {
            data { penguins { column("sex", categorical = true, missing = constant, fill = "unknown") }; scaling = standard }
            network { dense(3, softmax) }
            training { loss = softmaxCrossEntropy }
        }.spec
        assertEquals(spec, dsl)
        val data = DataResolver().resolve(spec.data, RandomState(1), 1)
        // The 11 rows without a sex become the category "unknown", sorted after female and male.
        assertEquals(listOf("sex=female", "sex=male", "sex=unknown"), data.pipeline!!.featureNames.filter { it.startsWith("sex=") })
        assertEquals(11.0, (0 until data.train.size).sumOf { data.train.features.row(it)[data.pipeline!!.featureNames.indexOf("sex=unknown")] })

        val unknown = assertThrows<ConfigException> {
            DataResolver(experimentFile = "p.json").resolve(DataSpec(DataSource.BuiltIn("penguins", mapOf("beak" to ColumnOptions(ColumnRole.NUMERIC)))), RandomState(1), 1)
        }
        assertEquals("$.data.source.columns.beak", unknown.jsonPath)
        assertTrue(unknown.message!!.contains("penguins has no column 'beak'; its feature columns are 'island', 'bill_length_mm'"), unknown.message)
        val numbers = assertThrows<ConfigException> {
            DataResolver(experimentFile = "p.json").resolve(DataSpec(DataSource.BuiltIn("iris", mapOf("x" to ColumnOptions(ColumnRole.NUMERIC)))), RandomState(1), 1)
        }
        assertTrue(numbers.message!!.contains("'iris' is a set of numbers, not a table: columns apply to the built-in tables (penguins)"), numbers.message)
    }
}
