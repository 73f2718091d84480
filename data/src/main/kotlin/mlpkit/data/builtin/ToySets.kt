package mlpkit.data.builtin

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import java.util.zip.GZIPInputStream

/** Where scikit-learn's small real data sets sit inside the jar, with their PROVENANCE.md and SHA256SUMS. */
const val SKLEARN_TOY_RESOURCES = "/mlpkit/data/sklearn"

/**
 * scikit-learn's iris (`load_iris()`): 150 samples × 4 features (sepal and petal length and width in cm),
 * classes setosa, versicolor, virginica (50 each). Rows, order and values are scikit-learn's.
 */
fun iris(): Dataset = labelled("iris", "iris.csv")

/**
 * scikit-learn's wine (`load_wine()`): 178 samples × 13 chemical measurements, classes class_0, class_1,
 * class_2 (59, 71, 48 samples). Values not scaled (proline reaches 1680: scale them before training).
 */
fun wine(): Dataset = labelled("wine", "wine_data.csv")

/**
 * scikit-learn's breast cancer Wisconsin diagnostic set (`load_breast_cancer()`): 569 samples × 30 features,
 * classes malignant (label 0, 212 samples) and benign (label 1, 357), as scikit-learn numbers them.
 */
fun breastCancer(): Dataset = labelled("breast-cancer", "breast_cancer.csv")

/**
 * scikit-learn's diabetes set, **raw**: 442 samples × 10 features (age, sex, bmi, bp, s1..s6) in their
 * original units, and one regression target (disease progression one year after baseline, 25..346). This is
 * `load_diabetes(scaled=False)`, not scikit-learn's default `load_diabetes()`, which centres each column
 * and divides it by its standard deviation times √442 over all 442 rows. mlpkit ships the raw values and leaves
 * scaling to the data spec (`scaling: standard` fits on the training rows only, so no test row leaks into it).
 */
fun diabetes(): Dataset {
    val features = whitespaceRows("diabetes_data_raw.csv.gz", header = false).rows
    val target = whitespaceRows("diabetes_target.csv.gz", header = false).rows
    return regression("diabetes", features, target)
}

/**
 * scikit-learn's Linnerud set (`load_linnerud()`): 20 men, 3 exercise features (Chins, Situps, Jumps) and
 * 3 physiological regression targets (Weight, Waist, Pulse), a multi-output regression set.
 */
fun linnerud(): Dataset =
    regression("linnerud", whitespaceRows("linnerud_exercise.csv", header = true).rows, whitespaceRows("linnerud_physiological.csv", header = true).rows)

/** The lines of a resource of [SKLEARN_TOY_RESOURCES], gunzipped when its name ends in `.gz`. */
internal fun toyResourceLines(file: String): List<String> {
    val path = "$SKLEARN_TOY_RESOURCES/$file"
    val stream = Dataset::class.java.getResourceAsStream(path)
        ?: throw IllegalStateException("the built-in data file $path is missing from the class path: the mlpkit-data jar is incomplete, rebuild it")
    val input = if (file.endsWith(".gz")) GZIPInputStream(stream) else stream
    return input.bufferedReader(Charsets.UTF_8).use { reader -> reader.readLines().filter { it.isNotBlank() } }
}

/** scikit-learn's labelled CSV: a first line `rows,features,class names…`, then the features and the class index. */
private fun labelled(name: String, file: String): Dataset {
    val lines = toyResourceLines(file)
    val head = lines.first().split(',')
    val rows = head[0].trim().toInt()
    val cols = head[1].trim().toInt()
    val classNames = head.drop(2).map { it.trim() }
    check(lines.size - 1 == rows) { "the built-in $file holds ${lines.size - 1} rows, its first line says $rows: the jar is damaged, rebuild it" }
    val values = DoubleArray(rows * cols)
    val labels = IntArray(rows)
    for (r in 0 until rows) {
        val fields = lines[r + 1].split(',')
        check(fields.size == cols + 1) { "line ${r + 2} of the built-in $file has ${fields.size} fields, expected ${cols + 1}: the jar is damaged, rebuild it" }
        for (c in 0 until cols) values[r * cols + c] = fields[c].trim().toDouble()
        labels[r] = fields[cols].trim().toInt()
    }
    return Dataset(name, DenseFeatures(DenseMatrix(rows, cols, values)), ClassLabels(labels, classNames))
}

/** A whitespace-separated table of numbers, with the header line's [names] when it has one. */
private class Table(val names: List<String>?, val rows: List<DoubleArray>)

private fun whitespaceRows(file: String, header: Boolean): Table {
    val lines = toyResourceLines(file)
    val split = lines.map { it.trim().split(Regex("\\s+")) }
    val body = if (header) split.drop(1) else split
    return Table(if (header) split.first() else null, body.map { fields -> DoubleArray(fields.size) { fields[it].toDouble() } })
}

private fun regression(name: String, features: List<DoubleArray>, targets: List<DoubleArray>): Dataset {
    check(features.size == targets.size) { "the built-in $name set has ${features.size} feature rows but ${targets.size} target rows: the jar is damaged, rebuild it" }
    return Dataset(name, DenseFeatures.of(features.toTypedArray()), RegressionTargets(DenseMatrix.of(targets.toTypedArray())))
}
