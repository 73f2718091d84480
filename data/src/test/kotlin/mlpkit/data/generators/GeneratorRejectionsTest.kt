package mlpkit.data.generators

import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Parameter combinations scikit-learn rejects (and the few that 1.2.1 accepts but can only turn into
 * nonsense, which sklearn ≥ 1.3 rejects) fail with an [IllegalArgumentException] that names the
 * function and parameter, the expectation, the value received and, where useful, what to do.
 */
class GeneratorRejectionsTest {
    private fun rejects(vararg fragments: String, call: () -> Unit) {
        val error = assertThrows(IllegalArgumentException::class.java) { call() }
        for (fragment in fragments) {
            assertTrue(error.message!!.contains(fragment), "message '${error.message}' should mention '$fragment'")
        }
    }

    @Test
    fun `make_classification rejects more useful features than features`() = rejects(
        "make_classification", "n_informative + n_redundant + n_repeated must be ≤ n_features",
        "3 + 2 + 1 = 6 > n_features = 5", "raise n_features",
    ) { makeClassification(nFeatures = 5, nInformative = 3, nRedundant = 2, nRepeated = 1, randomState = 0) }

    @Test
    fun `make_classification rejects more clusters than hypercube vertices`() = rejects(
        "n_classes(3) * n_clusters_per_class(2) = 6 clusters must be ≤ 2**n_informative(2) = 4", "raise n_informative",
    ) { makeClassification(nClasses = 3, randomState = 0) }

    @Test
    fun `make_classification rejects weights that do not fit the classes`() {
        rejects("weights needs n_classes = 2 entries (or 1", "got 3") {
            makeClassification(weights = doubleArrayOf(0.2, 0.3, 0.5), randomState = 0)
        }
        rejects("weights are class proportions and must be ≥ 0") {
            makeClassification(weights = doubleArrayOf(-0.2, 1.2), randomState = 0)
        }
    }

    @Test
    fun `make_classification rejects shift and scale arrays of the wrong length or given twice`() {
        rejects("shifts needs one value per feature, n_features = 20, got 2") {
            makeClassification(shifts = doubleArrayOf(1.0, 2.0), randomState = 0)
        }
        rejects("scales needs one value per feature") { makeClassification(nFeatures = 4, scales = doubleArrayOf(1.0), randomState = 0) }
        rejects("give shift", "not both") { makeClassification(nFeatures = 4, shift = 1.0, shifts = DoubleArray(4), randomState = 0) }
    }

    @Test
    fun `make_classification rejects counts below their minimum and flip_y outside 0 to 1`() {
        rejects("n_samples must be ≥ 0, got -1") { makeClassification(nSamples = -1, randomState = 0) }
        rejects("n_classes must be ≥ 1, got 0") { makeClassification(nClasses = 0, randomState = 0) }
        rejects("n_clusters_per_class must be ≥ 1, got 0") { makeClassification(nClustersPerClass = 0, randomState = 0) }
        rejects("n_informative must be ≥ 1, got 0") { makeClassification(nInformative = 0, randomState = 0) }
        rejects("n_redundant must be ≥ 0, got -2") { makeClassification(nRedundant = -2, randomState = 0) }
        rejects("flip_y", "[0, 1]", "got 1.5") { makeClassification(flipY = 1.5, randomState = 0) }
        rejects("flip_y", "got -0.1") { makeClassification(flipY = -0.1, randomState = 0) }
    }

    @Test
    fun `make_moons and make_circles reject negative noise and counts`() {
        rejects("make_moons", "noise is a standard deviation", "got -0.1") { makeMoons(noise = -0.1, randomState = 0) }
        rejects("make_moons", "n_samples must be ≥ 0, got -4") { makeMoons(-4, randomState = 0) }
        rejects("make_moons", "n_samples (inner moon) must be ≥ 0, got -1") { makeMoons(3 to -1, randomState = 0) }
        rejects("make_circles", "noise", "got -1.0") { makeCircles(noise = -1.0, randomState = 0) }
        rejects("make_circles", "n_samples (outer circle) must be ≥ 0, got -2") { makeCircles(-2 to 3, randomState = 0) }
    }

    @Test
    fun `make_circles rejects a factor outside 0 to 1 as sklearn does`() {
        rejects("make_circles", "factor", "between 0 and 1", "got 1.0") { makeCircles(factor = 1.0, randomState = 0) }
        rejects("got -0.5") { makeCircles(factor = -0.5, randomState = 0) }
    }

    @Test
    fun `make_blobs rejects inconsistent centres, counts and standard deviations`() {
        val two = arrayOf(doubleArrayOf(0.0, 0.0), doubleArrayOf(1.0, 1.0))
        rejects("length of n_samples (3", "not consistent with the number of centers (2)") {
            makeBlobs(intArrayOf(1, 2, 3), centerCoordinates = two, randomState = 0)
        }
        rejects("with n_samples given per centre", "centers must be None or coordinates", "got centers = 3") {
            makeBlobs(intArrayOf(1, 2, 3), centers = 3, randomState = 0)
        }
        rejects("cluster_std needs one value per centre (2), got 3") {
            makeBlobs(10, centerCoordinates = two, clusterStds = doubleArrayOf(1.0, 2.0, 3.0), randomState = 0)
        }
        rejects("cluster_std is a standard deviation", "got -1.0") { makeBlobs(clusterStd = -1.0, randomState = 0) }
        rejects("give centers", "not both") { makeBlobs(centers = 2, centerCoordinates = two, randomState = 0) }
        rejects("centers must be ≥ 1, got 0") { makeBlobs(centers = 0, randomState = 0) }
        rejects("every centre needs 2 coordinates", "centre 1 has 3") {
            makeBlobs(centerCoordinates = arrayOf(doubleArrayOf(0.0, 0.0), doubleArrayOf(1.0, 1.0, 1.0)), randomState = 0)
        }
        rejects("non-finite coordinate") { makeBlobs(centerCoordinates = arrayOf(doubleArrayOf(Double.NaN, 0.0)), randomState = 0) }
        rejects("per-centre n_samples must be ≥ 0") { makeBlobs(intArrayOf(3, -1), randomState = 0) }
    }

    @Test
    fun `make_regression rejects negative noise, a rank below one and tail_strength outside 0 to 1`() {
        rejects("make_regression", "noise is a standard deviation", "got -1.0") { makeRegression(noise = -1.0, randomState = 0) }
        rejects("effective_rank must be ≥ 1, got 0") { makeRegression(effectiveRank = 0, randomState = 0) }
        rejects("tail_strength must be in [0, 1], got 1.5") { makeRegression(effectiveRank = 2, tailStrength = 1.5, randomState = 0) }
        rejects("n_targets must be ≥ 1, got 0") { makeRegression(nTargets = 0, randomState = 0) }
        rejects("n_features must be ≥ 1, got 0") { makeRegression(nFeatures = 0, randomState = 0) }
    }

    @Test
    fun `a seed outside numpy's range is rejected before anything is drawn`() =
        rejects("between 0 and 2**32 - 1", "got -3") { makeMoons(randomState = -3) }
}
