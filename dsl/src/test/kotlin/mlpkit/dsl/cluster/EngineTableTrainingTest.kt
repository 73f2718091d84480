package mlpkit.dsl.cluster

import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.ColumnRole
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.Imputation
import mlpkit.data.table.LabelColumn
import mlpkit.data.table.MissingValues
import mlpkit.data.table.RawTable
import mlpkit.dsl.config.ExperimentFiles
import mlpkit.dsl.model.Model
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

/**
 * A `"type": "spark"` source with `columns` (the table form) through [InProcessEngine], which fits data's
 * [ColumnPipeline] on the training rows as the Spark engine does: the model file stores that pipeline, and the model
 * predicts raw table rows through it, as a locally trained table model does.
 */
class EngineTableTrainingTest {
    private val penguins: RawTable = BuiltInSets.find("penguins")!!.table!!.read().let { it.rows(LabelColumn.read(it, "species").kept) }
    private val features: List<String> = penguins.names.filter { it != "species" }

    /** The penguins' feature columns as text, and their species as the labels. */
    private fun table(): InProcessEngine.Table {
        val at = features.map { penguins.column(it) }
        val rows = (0 until penguins.rowCount).map { r -> at.map { penguins.field(r, it) } }
        val species = penguins.column("species")
        return InProcessEngine.Table(emptyList(), labels = (0 until penguins.rowCount).map { penguins.field(it, species) }, columns = RawTable.of(features, rows))
    }

    private val json = """{
      "name": "penguins",
      "data": {"scaling": "standard", "split": {"validation": 0.25, "randomState": 5},
        "source": {"type": "spark", "format": "parquet", "path": "mem://penguins", "label": "species",
          "columns": {"island": "categorical", "sex": {"categorical": true, "missing": "mostFrequent"},
            "bill_length_mm": {"missing": "mean"}, "bill_depth_mm": {"missing": "mean"}, "flipper_length_mm": {"missing": "mean"},
            "body_mass_g": {"missing": "mean", "scaling": "minmax"}}}},
      "network": "network < dense(8, tanh); dense(3, softmax) >",
      "training": {"loss": "softmax-ce", "optimizer": "lbfgs", "epochs": 40, "seed": 2},
      "cluster": {"engine": "${InProcessEngine.NAME}", "master": "here"}
    }"""

    @Test
    fun `a run on a table-form spark source stores the pipeline fitted on the training rows, and the saved model predicts raw rows through it`(@TempDir dir: Path) {
        InProcessEngine.FILES["mem://penguins"] = table()
        val engine = InProcessEngine()
        val result = TrainingRun.of(ExperimentFiles.parseJson(json, "penguins.json")).on(engine).fit()
        val validation = engine.validationRows.single().toSet()
        val training = (0 until penguins.rowCount).filter { it !in validation }.toIntArray()
        assertTrue(validation.isNotEmpty() && training.size > 2 * validation.size, "${validation.size} validation rows of ${penguins.rowCount}")
        val options = mapOf(
            "island" to ColumnOptions.CATEGORICAL,
            "sex" to ColumnOptions(ColumnRole.CATEGORICAL, Imputation.MOST_FREQUENT),
            "bill_length_mm" to ColumnOptions(missing = Imputation.MEAN),
            "bill_depth_mm" to ColumnOptions(missing = Imputation.MEAN),
            "flipper_length_mm" to ColumnOptions(missing = Imputation.MEAN),
            "body_mass_g" to ColumnOptions(missing = Imputation.MEAN, scaling = ColumnScaling.MIN_MAX),
        )
        val expected = ColumnPipeline.fit(penguins, features, training, options, ColumnScaling.STANDARD, MissingValues())
        val file = result.model.file
        assertEquals(expected, file.pipeline)
        assertEquals(expected.featureNames, file.featureNames)
        assertEquals(expected.width, file.inputSize)
        assertNull(file.inputScaling, "the pipeline does all input scaling")
        assertTrue(result.metric("train_accuracy") > 0.95 && result.metric("validation_accuracy") > 0.95, "${result.metrics}")
        result.model.save(dir.resolve("model.json"))
        val saved = Model.load(dir.resolve("model.json"))
        assertEquals(expected, saved.file.pipeline)
        val predicted = saved.predictProba(penguins)
        assertArrayEquals(result.model.predictProba(expected.transform(penguins)).data(), predicted.data())
        val species = penguins.column("species")
        val classes = saved.predictClasses(penguins)
        val correct = (0 until penguins.rowCount).count { file.classNames!![classes[it]] == penguins.field(it, species) }
        assertTrue(correct > 0.95 * penguins.rowCount, "$correct of ${penguins.rowCount} rows predicted right")
    }
}
