package mlpkit.app.report

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

class WeightTilesTest {
    /** W (inputs × units, row-major) with w[i][j] = ((i + j) mod 5 − 2) / 10: values −0.2 … 0.2, each fifth of them ±0.2. */
    private fun weights(inputs: Int, units: Int) = DoubleArray(inputs * units) { k -> ((k / units + k % units) % 5 - 2) / 10.0 }

    @Test
    fun `784 inputs and 128 units give a 16 by 8 grid of 28 by 28 tiles drawn 84 pixels wide`() {
        val tiles = WeightTiles.draw(weights(784, 128), 0, 784, 128)!!
        assertEquals(28, tiles.side)
        assertEquals(3, tiles.scale)
        assertEquals(16, tiles.columns)
        assertEquals(8, tiles.rows)
        // 16 px margins, 16 tiles of 84 px, 15 gaps of 4 px; 48 px title, 8 rows, 7 gaps, 84 px colour bar.
        assertEquals(16 + 16 * 84 + 15 * 4 + 16, tiles.image.width)
        assertEquals(48 + 8 * 84 + 7 * 4 + 84, tiles.image.height)
    }

    @Test
    fun `64 inputs give 8 by 8 tiles scaled 11 times, five to a row for ten units`() {
        val tiles = WeightTiles.draw(weights(64, 10), 0, 64, 10)!!
        assertEquals(8, tiles.side)
        assertEquals(11, tiles.scale)
        assertEquals(5, tiles.columns)
        assertEquals(2, tiles.rows)
        assertEquals(520, tiles.image.width, "never narrower than its title and colour bar")
        assertEquals(48 + 2 * 88 + 4 + 84, tiles.image.height)
    }

    @Test
    fun `a pixel of a tile has the diverging colour of its weight on the shared scale`() {
        val inputs = 64
        val units = 10
        // The weights sit after 7 other parameters, as a first layer's W would after nothing but here tests the offset.
        val parameters = DoubleArray(7) { 99.0 } + weights(inputs, units)
        val tiles = WeightTiles.draw(parameters, 7, inputs, units)!!
        assertEquals(0.2, tiles.limit, 1e-15, "the 99th percentile of |w|")
        fun pixel(unit: Int, row: Int, col: Int): Int {
            val (x0, y0) = tiles.tileOrigin(unit)
            return tiles.image.getRGB(x0 + col * tiles.scale + tiles.scale / 2, y0 + row * tiles.scale + tiles.scale / 2) and 0xffffff
        }
        // Unit 7, pixel (3, 5) is input 29: ((29 + 7) mod 5 − 2) / 10 = −0.1, half the limit: RdBu's second stop.
        assertEquals(0x67a9cf, pixel(unit = 7, row = 3, col = 5))
        // Unit 0, pixel (0, 4) is input 4: (4 mod 5 − 2) / 10 = +0.2, the limit: RdBu's darkest red.
        assertEquals(0xb2182b, pixel(unit = 0, row = 0, col = 4))
        // Unit 2, pixel (0, 0): (2 − 2) / 10 = 0, near white.
        assertEquals(0xf7f7f7, pixel(unit = 2, row = 0, col = 0))
    }

    @Test
    fun `inputs that are not a square image of at least 8 by 8 get no tiles`() {
        assertNull(WeightTiles.draw(weights(20, 8), 0, 20, 8))
        assertNull(WeightTiles.draw(weights(4, 6), 0, 4, 6), "2 × 2 is not an image")
        assertNull(WeightTiles.draw(weights(780, 3), 0, 780, 3))
    }

    @Test
    fun `a wide first layer shows its first 256 units`() {
        val tiles = WeightTiles.draw(weights(64, 300), 0, 64, 300)!!
        assertEquals(256, tiles.shown)
        assertEquals(300, tiles.units)
        assertEquals(256, tiles.columns * tiles.rows)
    }
}
