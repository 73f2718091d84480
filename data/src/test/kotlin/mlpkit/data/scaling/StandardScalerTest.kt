package mlpkit.data.scaling

import kotlinx.serialization.json.Json
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.split.IndexedFeatures
import org.apache.commons.math3.random.MersenneTwister
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class StandardScalerTest {
    @Test
    fun `fitted mean and scale are scikit-learn's, with scale 1 for a constant column`() {
        // s = StandardScaler().fit(X); s.mean_, s.scale_
        val scaler = StandardScaler.fit(smallCase)
        assertEquals(listOf(3.4, 21.0, 5.0, 1.1800000000000002), scaler.mean)
        assertEquals(listOf(2.0591260281974, 8.602325267042627, 1.0, 3.4312679872023986), scaler.scale)
        assertEquals(4, scaler.columns)
    }

    @Test
    fun `transformed values are scikit-learn's`() {
        // s.transform(X)
        val expected = doubleArrayOf(
            -1.165543034828717, -1.278724026182012, 0.0, -1.0724898240898983,
            -0.6799001036500849, -0.11624763874381928, 0.0, -0.3147524483742093,
            0.2913857587071793, -0.6974858324629157, 0.0, 1.7835972074538524,
            1.7483145522430756, 1.62746694241347, 0.0, -0.6936211362320538,
            -0.1942571724714528, 0.46499055497527714, 0.0, 0.2972662012423088,
        )
        val scaled = StandardScaler.fit(smallCase).transform(smallCase)
        assertTrue(scaled is ScaledFeatures)
        assertArrayEquals(expected, scaled.toMatrix().data(), 1e-15)
    }

    @Test
    fun `fitting on training rows only uses only those rows`() {
        // s2 = StandardScaler().fit(X[[0, 2, 4]]); s2.mean_, s2.scale_, s2.transform(X[[1]])
        val scaler = StandardScaler.fit(smallCase, rows = intArrayOf(0, 2, 4))
        assertEquals(listOf(2.6666666666666665, 16.666666666666668, 5.0, 2.3333333333333335), scaler.mean)
        assertArrayEquals(doubleArrayOf(1.247219128924647, 6.236095644623235, 1.0, 4.001943972066021), scaler.scale!!.toDoubleArray(), 1e-15)
        assertArrayEquals(
            doubleArrayOf(-0.5345224838248487, 0.5345224838248486, 0.0, -0.5580621190407035),
            scaler.transform(smallCase).row(1),
            1e-15,
        )
        val dataset = Dataset("small", smallCase, ClassLabels(IntArray(5)))
        assertEquals(scaler, StandardScaler.fit(dataset, intArrayOf(0, 2, 4)))
    }

    @Test
    fun `without centring or without scaling only the other step is applied`() {
        // StandardScaler(with_mean=False).fit(X).transform(X[[0]]); StandardScaler(with_std=False)…
        val unCentred = StandardScaler.fit(smallCase, withMean = false)
        assertNull(unCentred.mean)
        assertArrayEquals(doubleArrayOf(0.4856429311786321, 1.162476387438193, 5.0, -0.7285936304958549), unCentred.transform(smallCase).row(0), 1e-15)
        val unScaled = StandardScaler.fit(smallCase, withStd = false)
        assertNull(unScaled.scale)
        assertArrayEquals(doubleArrayOf(-2.4, -11.0, 0.0, -3.68), unScaled.transform(smallCase).row(0), 1e-15)
        val neither = StandardScaler.fit(smallCase, withMean = false, withStd = false)
        assertArrayEquals(smallCase.row(3), neither.transform(smallCase).row(3))
    }

    @Test
    fun `inverse transform gives back the original values`() {
        val scaler = StandardScaler.fit(smallCase)
        val scaled = scaler.transform(smallCase.toMatrix())
        assertArrayEquals(smallCase.toMatrix().data(), scaler.inverseTransform(scaled).data(), 1e-14)
    }

    @Test
    fun `a JSON round trip reproduces the scaler exactly`() {
        val random = MersenneTwister(4)
        val features = DenseFeatures(DenseMatrix(50, 3, DoubleArray(150) { random.nextGaussian() * 1e3 + 7 }))
        val scaler: Scaler = StandardScaler.fit(features)
        val json = Json.encodeToString(Scaler.serializer(), scaler)
        assertTrue(json.startsWith("{\"type\":\"standard\",\"columns\":3,\"mean\":["), json)
        val back = Json.decodeFromString(Scaler.serializer(), json)
        assertEquals(scaler, back)
        assertArrayEquals(scaler.transform(features).toMatrix().data(), back.transform(features).toMatrix().data(), 0.0)
        val partial = StandardScaler.fit(features, withMean = false)
        assertEquals(partial, Json.decodeFromString(Scaler.serializer(), Json.encodeToString(Scaler.serializer(), partial)))
    }

    @Test
    fun `a damaged scaler in JSON is refused`() {
        val error = assertThrows<IllegalArgumentException> {
            Json.decodeFromString(Scaler.serializer(), """{"type":"standard","columns":2,"mean":[0.0,1.0],"scale":[1.0,0.0]}""")
        }
        assertEquals("a standard scaler of 2 columns needs 2 finite positive scales, got 2: [1.0, 0.0]", error.message)
    }

    @Test
    fun `scaling a split part keeps the row view outermost`() {
        val part = IndexedFeatures(smallCase, intArrayOf(3, 1))
        val scaler = StandardScaler.fit(smallCase)
        val scaled = scaler.transform(part)
        assertTrue(scaled is IndexedFeatures)
        val base = (scaled as IndexedFeatures).base
        assertTrue(base is ScaledFeatures)
        assertSame(smallCase, (base as ScaledFeatures).base)
        assertArrayEquals(scaler.transform(smallCase).row(3), scaled.row(0))
    }

    @Test
    fun `applying a scaler to other columns or fitting on no rows is a clear error`() {
        val scaler = StandardScaler.fit(smallCase)
        assertEquals(
            "this scaler was fitted on 4 feature columns but the matrix has 3: apply a scaler to the same features it was fitted on",
            assertThrows<IllegalArgumentException> { scaler.transform(DenseMatrix(2, 3)) }.message,
        )
        assertEquals(
            "the scaler was fitted on 4 feature columns but these features have 1: apply a scaler to the same features it was fitted on",
            assertThrows<IllegalArgumentException> { scaler.transform(DenseFeatures(DenseMatrix(2, 1))) }.message,
        )
        assertEquals(
            "cannot fit a scaler on 0 rows: pass the training rows (at least one)",
            assertThrows<IllegalArgumentException> { StandardScaler.fit(smallCase, IntArray(0)) }.message,
        )
        assertEquals(
            "row index 5 at position 0 is outside the 5 rows of the features: indices must be in 0..4",
            assertThrows<IllegalArgumentException> { StandardScaler.fit(smallCase, intArrayOf(5)) }.message,
        )
    }

    @Test
    fun `a large fit in chunks agrees with a direct computation`() {
        val random = MersenneTwister(8)
        val values = DoubleArray(1000 * 2) { random.nextDouble() * 10 }
        val scaler = StandardScaler.fit(DenseFeatures(DenseMatrix(1000, 2, values)))
        val column0 = values.filterIndexed { i, _ -> i % 2 == 0 }
        val mean = column0.sum() / 1000
        val std = Math.sqrt(column0.sumOf { (it - mean) * (it - mean) } / 1000)
        assertEquals(mean, scaler.mean!![0], 1e-12)
        assertEquals(std, scaler.scale!![0], 1e-12)
    }
}
