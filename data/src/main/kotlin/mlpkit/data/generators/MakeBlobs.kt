package mlpkit.data.generators

import mlpkit.data.Dataset
import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's `make_blobs`: isotropic Gaussian blobs, label = index of the centre.
 *
 * sklearn's polymorphic parameters map to Kotlin as: `n_samples` an int → [nSamples] (split evenly,
 * the first `nSamples % centres` centres get one more) or a list → the `IntArray` overload;
 * `centers` an int → [centers] (random centres in [centerBox] in each of [nFeatures] dimensions; null
 * means 3, or one per entry of a per-centre `nSamples`) or coordinates → [centerCoordinates] (then
 * [nFeatures] is ignored, as in sklearn); `cluster_std` a number → [clusterStd] or one per centre →
 * [clusterStds]. Give one form of each. [randomState] null draws a fresh nondeterministic seed.
 */
fun makeBlobs(
    nSamples: Int = 100,
    nFeatures: Int = 2,
    centers: Int? = null,
    clusterStd: Double = 1.0,
    centerBox: Pair<Double, Double> = -10.0 to 10.0,
    shuffle: Boolean = true,
    randomState: Long? = null,
    centerCoordinates: Array<DoubleArray>? = null,
    clusterStds: DoubleArray? = null,
): Dataset = blobs(
    BlobSamples(nSamples, null), nFeatures, centers, clusterStd, centerBox, shuffle,
    RandomState.checkRandomState(randomState), centerCoordinates, clusterStds,
)

/** [makeBlobs] with sklearn's `n_samples` as a list: [nSamples]`[i]` points around centre i. */
fun makeBlobs(
    nSamples: IntArray,
    nFeatures: Int = 2,
    centers: Int? = null,
    clusterStd: Double = 1.0,
    centerBox: Pair<Double, Double> = -10.0 to 10.0,
    shuffle: Boolean = true,
    randomState: Long? = null,
    centerCoordinates: Array<DoubleArray>? = null,
    clusterStds: DoubleArray? = null,
): Dataset = blobs(
    BlobSamples(null, nSamples), nFeatures, centers, clusterStd, centerBox, shuffle,
    RandomState.checkRandomState(randomState), centerCoordinates, clusterStds,
)

/** [makeBlobs] drawing from (and advancing) an existing generator. */
fun makeBlobs(
    nSamples: Int = 100,
    nFeatures: Int = 2,
    centers: Int? = null,
    clusterStd: Double = 1.0,
    centerBox: Pair<Double, Double> = -10.0 to 10.0,
    shuffle: Boolean = true,
    randomState: RandomState,
    centerCoordinates: Array<DoubleArray>? = null,
    clusterStds: DoubleArray? = null,
): Dataset = blobs(
    BlobSamples(nSamples, null), nFeatures, centers, clusterStd, centerBox, shuffle, randomState,
    centerCoordinates, clusterStds,
)

/** [makeBlobs] with per-centre counts, drawing from an existing generator. */
fun makeBlobs(
    nSamples: IntArray,
    nFeatures: Int = 2,
    centers: Int? = null,
    clusterStd: Double = 1.0,
    centerBox: Pair<Double, Double> = -10.0 to 10.0,
    shuffle: Boolean = true,
    randomState: RandomState,
    centerCoordinates: Array<DoubleArray>? = null,
    clusterStds: DoubleArray? = null,
): Dataset = blobs(
    BlobSamples(null, nSamples), nFeatures, centers, clusterStd, centerBox, shuffle, randomState,
    centerCoordinates, clusterStds,
)

/** sklearn's `n_samples` for make_blobs: exactly one of a total and a per-centre list. */
private class BlobSamples(val total: Int?, val perCenter: IntArray?)

private fun blobs(
    samples: BlobSamples,
    nFeatures: Int,
    centerCount: Int?,
    clusterStd: Double,
    centerBox: Pair<Double, Double>,
    shuffle: Boolean,
    rng: RandomState,
    centerCoordinates: Array<DoubleArray>?,
    clusterStds: DoubleArray?,
): Dataset {
    val fn = "make_blobs"
    require(centerCount == null || centerCoordinates == null) {
        "$fn: give centers (how many random centres) or center coordinates, not both: got centers = $centerCount " +
            "and coordinates ${centerCoordinates?.joinToString(";") { it.joinToString(",") }}"
    }
    require(clusterStds == null || clusterStd == 1.0) {
        "$fn: give cluster_std as one number or one per centre, not both: got $clusterStd and ${clusterStds?.contentToString()}"
    }
    samples.total?.let { requireNonNegative(fn, "n_samples", it) }
    samples.perCenter?.let { counts ->
        require(counts.all { it >= 0 }) { "$fn: every per-centre n_samples must be ≥ 0, got ${counts.contentToString()}" }
    }
    centerCoordinates?.let { checkCoordinates(fn, it) }
    centerCount?.let { requirePositive(fn, "centers", it) }

    // Centres: drawn (uniform in the box, in sklearn's order) or given.
    val centerRows: Array<DoubleArray>
    if (samples.perCenter == null) {
        if (centerCoordinates == null) {
            requirePositive(fn, "n_features", nFeatures)
            centerRows = randomCenters(rng, centerCount ?: DEFAULT_CENTERS, nFeatures, centerBox)
        } else {
            centerRows = centerCoordinates
        }
    } else {
        val perCenter = samples.perCenter
        require(centerCount == null) {
            "$fn: with n_samples given per centre (${perCenter.contentToString()}), centers must be None or " +
                "coordinates (one row per centre), got centers = $centerCount: drop centers or give coordinates"
        }
        if (centerCoordinates == null) {
            requirePositive(fn, "n_features", nFeatures)
            require(perCenter.isNotEmpty()) { "$fn: n_samples per centre is empty: give at least one count" }
            centerRows = randomCenters(rng, perCenter.size, nFeatures, centerBox)
        } else {
            require(centerCoordinates.size == perCenter.size) {
                "$fn: length of n_samples (${perCenter.size}: ${perCenter.contentToString()}) not consistent with " +
                    "the number of centers (${centerCoordinates.size}): give one count per centre"
            }
            centerRows = centerCoordinates
        }
    }
    val nCenters = centerRows.size
    val dims = centerRows[0].size

    val stds = if (clusterStds != null) {
        require(clusterStds.size == nCenters) {
            "$fn: cluster_std needs one value per centre ($nCenters), got ${clusterStds.size}: ${clusterStds.contentToString()}"
        }
        clusterStds.copyOf()
    } else {
        DoubleArray(nCenters) { clusterStd }
    }
    stds.forEach { requireNoise(fn, "cluster_std", it) }

    val counts = samples.perCenter?.copyOf() ?: IntArray(nCenters) { samples.total!! / nCenters }.also { c ->
        for (i in 0 until samples.total!! % nCenters) c[i]++
    }
    val n = counts.sum()
    val x = DoubleArray(n * dims)
    val y = IntArray(n)
    var row = 0
    for (i in 0 until nCenters) {
        // generator.normal(loc=centers[i], scale=std, size=(n_i, n_features)): row-major, loc per column.
        for (r in 0 until counts[i]) {
            for (d in 0 until dims) x[(row + r) * dims + d] = rng.normal(centerRows[i][d], stds[i])
            y[row + r] = i
        }
        row += counts[i]
    }
    var features = x
    var labels = y
    if (shuffle) {
        val order = shuffledSampleOrder(rng, n)
        features = reorderRows(x, dims, order)
        labels = reorderLabels(y, order)
    }
    return classificationDataset(fn, n, dims, features, labels, nCenters)
}

private fun randomCenters(rng: RandomState, count: Int, nFeatures: Int, box: Pair<Double, Double>): Array<DoubleArray> {
    val values = rng.uniform(box.first, box.second, count * nFeatures)
    return Array(count) { c -> values.copyOfRange(c * nFeatures, (c + 1) * nFeatures) }
}

/** sklearn's `check_array(centers)`: a non-empty 2-D array of finite numbers. */
private fun checkCoordinates(fn: String, rows: Array<DoubleArray>) {
    require(rows.isNotEmpty() && rows[0].isNotEmpty()) {
        "$fn: center coordinates need at least one centre of at least one dimension, got ${rows.size} rows"
    }
    rows.forEachIndexed { i, r ->
        require(r.size == rows[0].size) {
            "$fn: every centre needs ${rows[0].size} coordinates (like centre 0), centre $i has ${r.size}: ${r.contentToString()}"
        }
        require(r.all { it.isFinite() }) { "$fn: centre $i has a non-finite coordinate: ${r.contentToString()}" }
    }
}

private const val DEFAULT_CENTERS = 3
