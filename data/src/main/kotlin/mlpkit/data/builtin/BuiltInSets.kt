package mlpkit.data.builtin

import mlpkit.data.Dataset
import mlpkit.data.idx.ImageClassNames

/** What a built-in set's targets are: class labels or real values. */
enum class BuiltInTask(val word: String) { CLASSIFICATION("classification"), REGRESSION("regression") }

/**
 * One built-in data set: its [name] (and other spellings, [aliases]), a line of [description], its [task],
 * shape ([rows] × [features]), the names of its classes or regression targets ([outputs]) and of its feature
 * columns ([featureNames], null when the set has none), and how to read it. Sets shipped in the jar have a
 * [load]; the image sets ([inStore]) are read from the data store (`mlp data fetch`) with a test set of their own.
 */
class BuiltInSet internal constructor(
    val name: String,
    val description: String,
    val task: BuiltInTask,
    val rows: Int,
    val features: Int,
    val outputs: List<String>,
    val featureNames: List<String>? = null,
    val aliases: List<String> = emptyList(),
    /** Whether each row is a square image (digits 8×8, mnist and fashion-mnist 28×28): reports draw weights as tiles. */
    val images: Boolean = false,
    private val loader: (() -> Dataset)? = null,
    /** The table a tabular set is read from (penguins), trained through a column pipeline; null for the other sets. */
    val table: BuiltInTable? = null,
) {
    /** Whether the set lives in the data store (mnist, fashion-mnist: one 28×28 image per row, own test files). */
    val inStore: Boolean get() = loader == null

    /** The shape and outputs in words: `150 × 4, 3 classes (setosa, versicolor, virginica)`. */
    val shape: String
        get() = "$rows × $features, " + when (task) {
            BuiltInTask.CLASSIFICATION -> "${outputs.size} classes" + if (outputs.size <= 3) " (${outputs.joinToString(", ")})" else ""
            BuiltInTask.REGRESSION -> if (outputs.size == 1) "1 regression target (${outputs[0]})" else "${outputs.size} regression targets (${outputs.joinToString(", ")})"
        }

    /** A fresh copy of the set (shipped sets only), checked against the shape recorded here. */
    fun load(): Dataset {
        val read = loader ?: throw IllegalStateException("the built-in set '$name' lives in the data store, not in the jar: read it through DatasetStore")
        val dataset = read()
        check(dataset.size == rows && dataset.features.cols == features) {
            "the built-in set '$name' holds ${dataset.size} × ${dataset.features.cols} values instead of $rows × $features: the jar is damaged, rebuild it"
        }
        return dataset
    }
}

/** The one list of built-in data sets: JSON checks, the data resolver, the DSL and `mlp data list` / `inspect` read it. */
object BuiltInSets {
    @JvmStatic
    val all: List<BuiltInSet> = listOf(
        BuiltInSet("digits", "scikit-learn's 8×8 handwritten digits (pixel counts 0..16)", BuiltInTask.CLASSIFICATION,
            1797, 64, List(10) { it.toString() }, images = true, loader = ::digits),
        BuiltInSet("iris", "Fisher's iris flowers (scikit-learn's load_iris)", BuiltInTask.CLASSIFICATION, 150, 4,
            listOf("setosa", "versicolor", "virginica"),
            listOf("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"), loader = ::iris),
        BuiltInSet("wine", "wine recognition, 13 chemical measurements (scikit-learn's load_wine)", BuiltInTask.CLASSIFICATION, 178, 13,
            listOf("class_0", "class_1", "class_2"),
            listOf("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"),
            loader = ::wine),
        BuiltInSet("breast-cancer", "breast cancer Wisconsin diagnostic, 0 = malignant (scikit-learn's load_breast_cancer)",
            BuiltInTask.CLASSIFICATION, 569, 30, listOf("malignant", "benign"),
            listOf("mean", "error", "worst").flatMap { part ->
                listOf("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points",
                    "symmetry", "fractal dimension").map { if (part == "error") "$it error" else "$part $it" }
            },
            aliases = listOf("breast_cancer", "breastCancer"), loader = ::breastCancer),
        BuiltInSet("diabetes", "diabetes progression, raw unscaled features (scikit-learn's load_diabetes(scaled=False))",
            BuiltInTask.REGRESSION, 442, 10, listOf("disease progression"),
            listOf("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), loader = ::diabetes),
        BuiltInSet("linnerud", "20 men's exercise and physiology, multi-output (scikit-learn's load_linnerud)",
            BuiltInTask.REGRESSION, 20, 3, listOf("Weight", "Waist", "Pulse"), listOf("Chins", "Situps", "Jumps"), loader = ::linnerud),
        BuiltInSet("penguins", "Palmer penguins, a table with text columns and NA values (island, sex categorical; missing " +
            "measurements imputed with the mean, sex with the most frequent)", BuiltInTask.CLASSIFICATION, 344, 10,
            listOf("Adelie", "Chinstrap", "Gentoo"),
            listOf("island=Biscoe", "island=Dream", "island=Torgersen", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                "body_mass_g", "sex=female", "sex=male", "year"),
            loader = { BuiltInTable.PENGUINS.dataset("penguins") }, table = BuiltInTable.PENGUINS),
        BuiltInSet("mnist", "MNIST handwritten digits, 28×28 images, 60000 + 10000 test", BuiltInTask.CLASSIFICATION,
            60000, 784, ImageClassNames.DIGITS, images = true),
        BuiltInSet("fashion-mnist", "Fashion-MNIST clothing images, 28×28, 60000 + 10000 test", BuiltInTask.CLASSIFICATION,
            60000, 784, ImageClassNames.FASHION_MNIST, aliases = listOf("fashion_mnist", "fashionMnist"), images = true),
    )

    /** The names (not the aliases), in the order `mlp data list` shows them. */
    @JvmStatic
    val names: List<String> = all.map { it.name }

    /** The set called [name] or one of its aliases, or null. */
    @JvmStatic
    fun find(name: String): BuiltInSet? = all.firstOrNull { it.name == name || name in it.aliases }

    /** The set called [name], or an error that lists the valid names. */
    @JvmStatic
    fun get(name: String): BuiltInSet = find(name)
        ?: throw IllegalArgumentException("unknown built-in data set '$name': expected one of ${names.joinToString(", ")}")
}
