package mlpkit.data.builtin

import mlpkit.data.Dataset
import mlpkit.data.RegressionTargets
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.security.MessageDigest

/**
 * The expected numbers were printed by scikit-learn 1.2.1 (Debian's python3-sklearn):
 * `/usr/bin/python3 -c "from sklearn.datasets import *; import numpy as np; d = load_iris();
 * print(d.data.shape, d.data[0].tolist(), d.data[-1].tolist(), d.target[0], d.target[-1], np.sum(d.target, axis=0),
 * np.bincount(d.target))"`, and the same for load_wine, load_breast_cancer, load_diabetes(scaled=False), load_linnerud.
 */
class ToySetsTest {
    private fun targetRow(dataset: Dataset, row: Int): DoubleArray = when (val t = dataset.targets) {
        is RegressionTargets -> DoubleArray(t.outputs) { t.values.getEntry(row, it) }
        else -> doubleArrayOf(dataset.classLabels.labels[row].toDouble())
    }

    private fun targetSums(dataset: Dataset): DoubleArray = when (val t = dataset.targets) {
        is RegressionTargets -> DoubleArray(t.outputs) { c -> (0 until t.size).sumOf { t.values.getEntry(it, c) } }
        else -> doubleArrayOf(dataset.classLabels.labels.sum().toDouble())
    }

    private fun check(dataset: Dataset, rows: Int, cols: Int, first: DoubleArray, firstTarget: DoubleArray,
                      last: DoubleArray, lastTarget: DoubleArray, targetSum: DoubleArray) {
        assertEquals(rows, dataset.size, "rows")
        assertEquals(cols, dataset.features.cols, "features")
        assertArrayEquals(first, dataset.features.row(0), "first row")
        assertArrayEquals(last, dataset.features.row(rows - 1), "last row")
        assertArrayEquals(firstTarget, targetRow(dataset, 0), "first target")
        assertArrayEquals(lastTarget, targetRow(dataset, rows - 1), "last target")
        assertArrayEquals(targetSum, targetSums(dataset), "target sum")
    }

    @Test
    fun `iris is scikit-learn's 150 by 4 with setosa, versicolor and virginica, 50 each`() {
        val iris = iris()
        check(iris, 150, 4, doubleArrayOf(5.1, 3.5, 1.4, 0.2), doubleArrayOf(0.0), doubleArrayOf(5.9, 3.0, 5.1, 1.8), doubleArrayOf(2.0), doubleArrayOf(150.0))
        assertEquals(listOf("setosa", "versicolor", "virginica"), iris.classLabels.classNames)
        assertArrayEquals(intArrayOf(50, 50, 50), iris.classLabels.counts())
        assertEquals("iris", iris.name)
    }

    @Test
    fun `wine is scikit-learn's 178 by 13 with class_0 to class_2`() {
        val wine = wine()
        check(wine, 178, 13,
            doubleArrayOf(14.23, 1.71, 2.43, 15.6, 127.0, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065.0), doubleArrayOf(0.0),
            doubleArrayOf(14.13, 4.1, 2.74, 24.5, 96.0, 2.05, 0.76, 0.56, 1.35, 9.2, 0.61, 1.6, 560.0), doubleArrayOf(2.0),
            doubleArrayOf(167.0))
        assertEquals(listOf("class_0", "class_1", "class_2"), wine.classLabels.classNames)
        assertArrayEquals(intArrayOf(59, 71, 48), wine.classLabels.counts())
    }

    @Test
    fun `breast cancer is scikit-learn's 569 by 30 with 0 malignant and 1 benign`() {
        val cancer = breastCancer()
        check(cancer, 569, 30,
            doubleArrayOf(17.99, 10.38, 122.8, 1001.0, 0.1184, 0.2776, 0.3001, 0.1471, 0.2419, 0.07871, 1.095, 0.9053, 8.589, 153.4,
                0.006399, 0.04904, 0.05373, 0.01587, 0.03003, 0.006193, 25.38, 17.33, 184.6, 2019.0, 0.1622, 0.6656, 0.7119, 0.2654, 0.4601, 0.1189),
            doubleArrayOf(0.0),
            doubleArrayOf(7.76, 24.54, 47.92, 181.0, 0.05263, 0.04362, 0.0, 0.0, 0.1587, 0.05884, 0.3857, 1.428, 2.548, 19.15,
                0.007189, 0.00466, 0.0, 0.0, 0.02676, 0.002783, 9.456, 30.37, 59.16, 268.6, 0.08996, 0.06444, 0.0, 0.0, 0.2871, 0.07039),
            doubleArrayOf(1.0), doubleArrayOf(357.0))
        assertEquals(listOf("malignant", "benign"), cancer.classLabels.classNames)
        assertArrayEquals(intArrayOf(212, 357), cancer.classLabels.counts())
    }

    @Test
    fun `diabetes is scikit-learn's raw 442 by 10 with one target, not the scaled default`() {
        val diabetes = diabetes()
        check(diabetes, 442, 10,
            doubleArrayOf(59.0, 2.0, 32.1, 101.0, 157.0, 93.2, 38.0, 4.0, 4.8598, 87.0), doubleArrayOf(151.0),
            doubleArrayOf(36.0, 1.0, 19.6, 71.0, 250.0, 133.2, 97.0, 3.0, 4.5951, 92.0), doubleArrayOf(57.0),
            doubleArrayOf(67243.0))
        // load_diabetes() (scaled) starts with 0.038075906433423026 for age; the shipped set keeps the years.
        assertEquals(59.0, diabetes.features.row(0)[0])
    }

    @Test
    fun `linnerud is scikit-learn's 20 by 3 with three regression targets`() {
        val linnerud = linnerud()
        check(linnerud, 20, 3, doubleArrayOf(5.0, 162.0, 60.0), doubleArrayOf(191.0, 36.0, 50.0),
            doubleArrayOf(2.0, 110.0, 43.0), doubleArrayOf(138.0, 33.0, 68.0), doubleArrayOf(3572.0, 708.0, 1122.0))
        assertEquals(3, (linnerud.targets as RegressionTargets).outputs)
    }

    @Test
    fun `every shipped resource has the SHA-256 its provenance files record`() {
        val sums = toyResourceLines("SHA256SUMS").associate { line -> line.substringAfter("  ") to line.substringBefore("  ") }
        val provenance = toyResourceLines("PROVENANCE.md").joinToString("\n")
        assertEquals(7, sums.size)
        for ((file, expected) in sums) {
            val bytes = ToySetsTest::class.java.getResourceAsStream("$SKLEARN_TOY_RESOURCES/$file")!!.use { it.readAllBytes() }
            val actual = MessageDigest.getInstance("SHA-256").digest(bytes).joinToString("") { "%02x".format(it) }
            assertEquals(expected, actual, file)
            assertTrue("$expected  $file" in provenance, "PROVENANCE.md records $file's checksum")
        }
        assertTrue("BSD 3-Clause" in provenance && "Copyright (c) 2007-2019 Scikit-Learn Developers" in provenance)
    }

    @Test
    fun `the registry's shapes and output names agree with every shipped set`() {
        for (set in BuiltInSets.all.filter { !it.inStore }) {
            val dataset = set.load()
            assertEquals(set.rows, dataset.size, set.name)
            assertEquals(set.features, dataset.features.cols, set.name)
            when (val t = dataset.targets) {
                is RegressionTargets -> assertEquals(set.outputs.size, t.outputs, set.name)
                else -> assertEquals(set.outputs, dataset.classLabels.classNames, set.name)
            }
            set.featureNames?.let { assertEquals(set.features, it.size, set.name) }
        }
        assertEquals(listOf("digits", "iris", "wine", "breast-cancer", "diabetes", "linnerud", "penguins", "mnist", "fashion-mnist"), BuiltInSets.names)
        assertEquals("breast-cancer", BuiltInSets.find("breast_cancer")?.name)
        assertNull(BuiltInSets.find("irises"))
    }

    @Test
    fun `an unknown name is refused with the list of valid names`() {
        val e = assertThrows<IllegalArgumentException> { BuiltInSets.get("irises") }
        assertEquals("unknown built-in data set 'irises': expected one of digits, iris, wine, breast-cancer, diabetes, linnerud, penguins, mnist, fashion-mnist", e.message)
    }

    @Test
    fun `feature names are scikit-learn's`() {
        // print(load_breast_cancer().feature_names[[0, 10, 20, 29]])
        val names = BuiltInSets.get("breast-cancer").featureNames!!
        assertEquals(listOf("mean radius", "radius error", "worst radius", "worst fractal dimension"), listOf(names[0], names[10], names[20], names[29]))
        assertEquals("od280/od315_of_diluted_wines", BuiltInSets.get("wine").featureNames!![11])
    }
}
