package mlpkit.data.scaling

import kotlinx.serialization.json.Json
import mlpkit.core.matrix.DenseMatrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class MinMaxScalerTest {
    private val toPlusMinusOne = MinMaxScaler.fit(smallCase, range = -1.0..1.0)

    @Test
    fun `fitted minima, maxima, scales and offsets are scikit-learn's`() {
        // m = MinMaxScaler(feature_range=(-1, 1)).fit(X); m.data_min_, m.data_max_, m.scale_, m.min_
        assertEquals(listOf(1.0, 10.0, 5.0, -2.5), toPlusMinusOne.dataMin)
        assertEquals(listOf(7.0, 35.0, 5.0, 7.3), toPlusMinusOne.dataMax)
        assertArrayEquals(doubleArrayOf(0.3333333333333333, 0.08, 2.0, 0.2040816326530612), toPlusMinusOne.scale(), 0.0)
        assertArrayEquals(doubleArrayOf(-1.3333333333333333, -1.8, -11.0, -0.48979591836734704), toPlusMinusOne.offset(), 0.0)
    }

    @Test
    fun `transformed values are scikit-learn's, a constant column going to the low end`() {
        // m.transform(X)
        val expected = doubleArrayOf(
            -1.0, -1.0, -1.0, -1.0,
            -0.6666666666666666, -0.19999999999999996, -1.0, -0.4693877551020409,
            0.0, -0.6000000000000001, -1.0, 0.9999999999999998,
            0.9999999999999998, 1.0000000000000002, -1.0, -0.7346938775510204,
            -0.33333333333333326, 0.19999999999999996, -1.0, -0.040816326530612346,
        )
        assertArrayEquals(expected, toPlusMinusOne.transform(smallCase).toMatrix().data(), 0.0)
    }

    @Test
    fun `values outside the fitted range are not clipped`() {
        // m.transform([[8, 5, 6, 0]])
        val outside = DenseMatrix.of(arrayOf(doubleArrayOf(8.0, 5.0, 6.0, 0.0)))
        assertArrayEquals(doubleArrayOf(1.3333333333333333, -1.4, 1.0, -0.48979591836734704), toPlusMinusOne.transform(outside).data(), 0.0)
    }

    @Test
    fun `the default range is 0 to 1`() {
        // MinMaxScaler().fit(X).transform(X[[1]])
        val scaler = MinMaxScaler.fit(smallCase)
        assertEquals(0.0..1.0, scaler.range)
        assertArrayEquals(doubleArrayOf(0.16666666666666666, 0.4, 0.0, 0.26530612244897955), scaler.transform(smallCase).row(1), 0.0)
    }

    @Test
    fun `fitting on training rows only uses only those rows`() {
        val scaler = MinMaxScaler.fit(smallCase, rows = intArrayOf(1, 2))
        assertEquals(listOf(2.0, 15.0, 5.0, 0.1), scaler.dataMin)
        assertEquals(listOf(4.0, 20.0, 5.0, 7.3), scaler.dataMax)
    }

    @Test
    fun `inverse transform gives back the original values`() {
        val scaled = toPlusMinusOne.transform(smallCase.toMatrix())
        assertArrayEquals(smallCase.toMatrix().data(), toPlusMinusOne.inverseTransform(scaled).data(), 1e-14)
    }

    @Test
    fun `a JSON round trip reproduces the scaler exactly`() {
        val json = Json.encodeToString(Scaler.serializer(), toPlusMinusOne)
        assertEquals(
            """{"type":"minmax","rangeMin":-1.0,"rangeMax":1.0,"dataMin":[1.0,10.0,5.0,-2.5],"dataMax":[7.0,35.0,5.0,7.3]}""",
            json,
        )
        val back = Json.decodeFromString(Scaler.serializer(), json)
        assertEquals(toPlusMinusOne, back)
        assertTrue(back is MinMaxScaler)
        assertArrayEquals(toPlusMinusOne.transform(smallCase).toMatrix().data(), back.transform(smallCase).toMatrix().data(), 0.0)
    }

    @Test
    fun `a range that is not increasing is a clear error`() {
        assertEquals(
            "a min-max target range must be finite and increasing (low < high), got 1.0..0.0",
            assertThrows<IllegalArgumentException> { MinMaxScaler.fit(smallCase, range = 1.0..0.0) }.message,
        )
    }

    @Test
    fun `a damaged scaler in JSON is refused`() {
        val error = assertThrows<IllegalArgumentException> {
            Json.decodeFromString(Scaler.serializer(), """{"type":"minmax","rangeMin":0.0,"rangeMax":1.0,"dataMin":[3.0],"dataMax":[2.0]}""")
        }
        assertEquals("column 1 of a min-max scaler has minimum 3.0 and maximum 2.0: they must be finite with minimum ≤ maximum", error.message)
    }
}
