package mlpkit.data.generators

import mlpkit.data.Dataset
import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's `make_classification`: Gaussian clusters around vertices of a hypercube in
 * [nInformative] dimensions, [nRedundant] random linear combinations of them, [nRepeated] copies of
 * columns, the rest noise; labels flipped at random with probability [flipY]. The same [randomState]
 * gives the same `X` and `y` as scikit-learn (labels exactly, features to rounding).
 *
 * sklearn's `shift` and `scale` are a number, an array or None: here [shift]/[scale] are the number
 * (null = sklearn's None, a random value per feature) and [shifts]/[scales] the per-feature array
 * (give one form only). [randomState] null draws a fresh nondeterministic seed.
 *
 * Stricter than sklearn 1.2.1 (which silently computes something meaningless, while sklearn ≥ 1.3
 * rejects most of these): negative counts, [nClasses] or [nClustersPerClass] < 1, [nInformative] < 1,
 * negative [weights], [flipY] outside [0, 1].
 */
fun makeClassification(
    nSamples: Int = 100,
    nFeatures: Int = 20,
    nInformative: Int = 2,
    nRedundant: Int = 2,
    nRepeated: Int = 0,
    nClasses: Int = 2,
    nClustersPerClass: Int = 2,
    weights: DoubleArray? = null,
    flipY: Double = 0.01,
    classSep: Double = 1.0,
    hypercube: Boolean = true,
    shift: Double? = 0.0,
    scale: Double? = 1.0,
    shuffle: Boolean = true,
    randomState: Long? = null,
    shifts: DoubleArray? = null,
    scales: DoubleArray? = null,
): Dataset = makeClassification(
    nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, weights, flipY,
    classSep, hypercube, shift, scale, shuffle, RandomState.checkRandomState(randomState), shifts, scales,
)

/** [makeClassification] drawing from (and advancing) an existing generator, like passing a `RandomState` to sklearn. */
fun makeClassification(
    nSamples: Int = 100,
    nFeatures: Int = 20,
    nInformative: Int = 2,
    nRedundant: Int = 2,
    nRepeated: Int = 0,
    nClasses: Int = 2,
    nClustersPerClass: Int = 2,
    weights: DoubleArray? = null,
    flipY: Double = 0.01,
    classSep: Double = 1.0,
    hypercube: Boolean = true,
    shift: Double? = 0.0,
    scale: Double? = 1.0,
    shuffle: Boolean = true,
    randomState: RandomState,
    shifts: DoubleArray? = null,
    scales: DoubleArray? = null,
): Dataset {
    val fn = "make_classification"
    requireNonNegative(fn, "n_samples", nSamples)
    requirePositive(fn, "n_features", nFeatures)
    requirePositive(fn, "n_informative", nInformative)
    requireNonNegative(fn, "n_redundant", nRedundant)
    requireNonNegative(fn, "n_repeated", nRepeated)
    requirePositive(fn, "n_classes", nClasses)
    requirePositive(fn, "n_clusters_per_class", nClustersPerClass)
    require(nInformative + nRedundant + nRepeated <= nFeatures) {
        "$fn: n_informative + n_redundant + n_repeated must be ≤ n_features, got $nInformative + $nRedundant + " +
            "$nRepeated = ${nInformative + nRedundant + nRepeated} > n_features = $nFeatures: raise n_features " +
            "or use fewer informative, redundant or repeated features"
    }
    // sklearn compares n_informative with log2(n_classes · n_clusters_per_class); in integers that is
    // "the clusters fit on the 2^n_informative vertices".
    val nClusters = nClasses.toLong() * nClustersPerClass
    require(nInformative >= 63 || nClusters <= (1L shl nInformative)) {
        "$fn: n_classes($nClasses) * n_clusters_per_class($nClustersPerClass) = $nClusters clusters must be ≤ " +
            "2**n_informative($nInformative) = ${1L shl nInformative} hypercube vertices: raise n_informative " +
            "or use fewer classes or clusters per class"
    }
    require(flipY in 0.0..1.0) { "$fn: flip_y is a fraction of samples and must be in [0, 1], got $flipY" }
    val classWeights = classWeights(fn, weights, nClasses)
    val shiftValues = perFeature(fn, "shift", "shifts", shift, 0.0, shifts, nFeatures)
    val scaleValues = perFeature(fn, "scale", "scales", scale, 1.0, scales, nFeatures)

    val rng = randomState
    val n = nSamples
    val nUseless = nFeatures - nInformative - nRedundant - nRepeated
    val clusters = nClusters.toInt()

    // Distribute samples among clusters by weight (int() truncates), the remainder round-robin.
    val perCluster = IntArray(clusters) { k ->
        (n * classWeights[k % nClasses] / nClustersPerClass).toInt()
    }
    val assigned = perCluster.fold(0L) { sum, c -> sum + c }
    for (i in 0 until (n - assigned).coerceAtLeast(0L).toInt()) perCluster[i % clusters]++

    val x = DoubleArray(n * nFeatures)
    val y = IntArray(n)

    // Cluster centres on hypercube vertices, scaled to ±class_sep (and shrunk at random off the cube).
    val centroids = generateHypercube(clusters, nInformative, rng)
    for (i in centroids.indices) centroids[i] = centroids[i] * (2 * classSep) - classSep
    if (!hypercube) {
        val perCentroid = rng.uniform(0.0, 1.0, clusters)
        val perDimension = rng.uniform(0.0, 1.0, nInformative)
        for (k in 0 until clusters) for (d in 0 until nInformative) centroids[k * nInformative + d] *= perCentroid[k]
        for (k in 0 until clusters) for (d in 0 until nInformative) centroids[k * nInformative + d] *= perDimension[d]
    }

    // Informative features: standard normal, then each cluster gets a random covariance and its centre.
    val normals = rng.standardNormal(n * nInformative)
    for (r in 0 until n) System.arraycopy(normals, r * nInformative, x, r * nFeatures, nInformative)
    var stop = 0
    for (k in 0 until clusters) {
        // sklearn slices X[start:stop]; when weights sum above 1 the slices run past the end and are cut.
        val start = minOf(stop, n)
        stop += perCluster[k]
        val end = minOf(stop, n)
        for (r in start until end) y[r] = k % nClasses
        val a = rng.uniform(0.0, 1.0, nInformative * nInformative)
        for (i in a.indices) a[i] = 2 * a[i] - 1
        multiplyRowsInPlace(x, nFeatures, start, end, nInformative, a)
        for (r in start until end) for (d in 0 until nInformative) x[r * nFeatures + d] += centroids[k * nInformative + d]
    }

    if (nRedundant > 0) {
        val b = rng.uniform(0.0, 1.0, nInformative * nRedundant)
        for (i in b.indices) b[i] = 2 * b[i] - 1
        for (r in 0 until n) {
            val row = r * nFeatures
            for (j in 0 until nRedundant) {
                var sum = 0.0
                for (i in 0 until nInformative) sum += x[row + i] * b[i * nRedundant + j]
                x[row + nInformative + j] = sum
            }
        }
    }

    if (nRepeated > 0) {
        val useful = nInformative + nRedundant
        val picks = rng.uniform(0.0, 1.0, nRepeated)
        val sources = IntArray(nRepeated) { ((useful - 1) * picks[it] + 0.5).toInt() }
        for (r in 0 until n) for (j in 0 until nRepeated) x[r * nFeatures + useful + j] = x[r * nFeatures + sources[j]]
    }

    if (nUseless > 0) {
        val noise = rng.standardNormal(n * nUseless)
        val first = nFeatures - nUseless
        for (r in 0 until n) System.arraycopy(noise, r * nUseless, x, r * nFeatures + first, nUseless)
    }

    // sklearn draws the flip mask whenever flip_y >= 0 (even 0), then one label per flipped sample.
    val flipMask = rng.uniform(0.0, 1.0, n)
    val flipped = flipMask.count { it < flipY }
    val newLabels = rng.randint(0L, nClasses.toLong(), flipped)
    var next = 0
    for (r in 0 until n) if (flipMask[r] < flipY) y[r] = newLabels[next++].toInt()

    val shiftBy = shiftValues ?: rng.uniform(0.0, 1.0, nFeatures).also { u ->
        for (j in u.indices) u[j] = (2 * u[j] - 1) * classSep
    }
    for (r in 0 until n) for (j in 0 until nFeatures) x[r * nFeatures + j] += shiftBy[j]
    val scaleBy = scaleValues ?: rng.uniform(0.0, 1.0, nFeatures).also { u ->
        for (j in u.indices) u[j] = 1 + 100 * u[j]
    }
    for (r in 0 until n) for (j in 0 until nFeatures) x[r * nFeatures + j] *= scaleBy[j]

    var features = x
    var labels = y
    if (shuffle) {
        val order = shuffledSampleOrder(rng, n)
        features = reorderRows(x, nFeatures, order)
        labels = reorderLabels(y, order)
        shuffleFeatures(rng, n, nFeatures, features)
    }
    return classificationDataset(fn, n, nFeatures, features, labels, nClasses)
}

/** sklearn's weights: n_classes of them, or n_classes − 1 and the last is 1 − their sum; default balanced. */
private fun classWeights(fn: String, weights: DoubleArray?, nClasses: Int): DoubleArray {
    if (weights == null) return DoubleArray(nClasses) { 1.0 / nClasses }
    require(weights.size == nClasses || weights.size == nClasses - 1) {
        "$fn: weights needs n_classes = $nClasses entries (or ${nClasses - 1}, the last then being 1 minus their " +
            "sum), got ${weights.size}: ${weights.contentToString()}"
    }
    require(weights.all { it >= 0.0 }) {
        "$fn: weights are class proportions and must be ≥ 0, got ${weights.contentToString()}"
    }
    if (weights.size == nClasses) return weights.copyOf()
    var sum = 0.0
    for (w in weights) sum += w
    return weights.copyOf(nClasses).also { it[nClasses - 1] = 1.0 - sum }
}

/**
 * One value per feature from sklearn's float-or-array-or-None parameter: the array when given, the
 * scalar repeated otherwise, null for sklearn's None (random values drawn later, in sklearn's order).
 */
private fun perFeature(
    fn: String,
    scalarName: String,
    arrayName: String,
    scalar: Double?,
    scalarDefault: Double,
    array: DoubleArray?,
    nFeatures: Int,
): DoubleArray? {
    if (array == null) return scalar?.let { value -> DoubleArray(nFeatures) { value } }
    require(scalar == scalarDefault) {
        "$fn: give $scalarName (one value for all features, null for random) or $arrayName (one per feature), " +
            "not both: got $scalarName = $scalar and $arrayName = ${array.contentToString()}"
    }
    require(array.size == nFeatures) {
        "$fn: $arrayName needs one value per feature, n_features = $nFeatures, got ${array.size}: ${array.contentToString()}"
    }
    return array.copyOf()
}

/**
 * `X[start:end, :k] = X[start:end, :k] · A` for the row-major `x` of `stride` columns and the k × k
 * row-major `a` (sklearn's "random covariance" of one cluster).
 */
private fun multiplyRowsInPlace(x: DoubleArray, stride: Int, start: Int, end: Int, k: Int, a: DoubleArray) {
    val row = DoubleArray(k)
    for (r in start until end) {
        val base = r * stride
        for (j in 0 until k) {
            var sum = 0.0
            for (i in 0 until k) sum += x[base + i] * a[i * k + j]
            row[j] = sum
        }
        System.arraycopy(row, 0, x, base, k)
    }
}
