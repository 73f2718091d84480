package mlpkit.app.report

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

class ElbowTest {
    @Test
    fun `the elbow of a rising curve that levels off is the point furthest above its chord`() {
        // Normalised, y = [0, .435, .870, .913, .935, .957, .978, 1] against x = [0, .143, .286, …, 1]:
        // the gaps above the chord y = x are .29, .58, .48, .36, .24, .12 at x = 2…7, largest at x = 3.
        val x = doubleArrayOf(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0)
        val y = doubleArrayOf(0.5, 0.7, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96)
        assertEquals(2, Elbow.of(x, y, higherIsBetter = true))
    }

    @Test
    fun `for a loss the curve is turned round so the elbow is where the loss stops falling fast`() {
        // Gain (1 − loss) / 0.8 = [0, .625, .875, .9375, .975, 1] against x = [0, .2, .4, .6, .8, 1]: gaps .425, .475, .3375, .175.
        val x = doubleArrayOf(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
        val loss = doubleArrayOf(1.0, 0.5, 0.3, 0.25, 0.22, 0.2)
        assertEquals(2, Elbow.of(x, loss, higherIsBetter = false))
    }

    @Test
    fun `the answer is an index into the arrays as given, whatever their order`() {
        val x = doubleArrayOf(8.0, 3.0, 1.0, 5.0, 2.0, 7.0, 4.0, 6.0)
        val y = doubleArrayOf(0.96, 0.9, 0.5, 0.93, 0.7, 0.95, 0.92, 0.94)
        assertEquals(1, Elbow.of(x, y, higherIsBetter = true), "x = 3 sits at index 1")
    }

    @Test
    fun `a noisy tail whose last point is below the best still has its elbow where the rise ends`() {
        // Chord from (0, 0) to (1, .8); x = 4 (normalised .6) is 1 − .48 = .52 above it, more than any other.
        val x = doubleArrayOf(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
        val y = doubleArrayOf(0.0, 0.5, 0.8, 1.0, 0.9, 0.8)
        assertEquals(3, Elbow.of(x, y, higherIsBetter = true))
    }

    @Test
    fun `a straight line, an ever steeper curve, a flat metric and two points have no elbow`() {
        val x = doubleArrayOf(1.0, 2.0, 3.0, 4.0, 5.0)
        assertNull(Elbow.of(x, doubleArrayOf(1.0, 2.0, 3.0, 4.0, 5.0), higherIsBetter = true), "straight")
        assertNull(Elbow.of(x, doubleArrayOf(1.0, 4.0, 9.0, 16.0, 25.0), higherIsBetter = true), "convex: never diminishing")
        assertNull(Elbow.of(x, doubleArrayOf(0.7, 0.7, 0.7, 0.7, 0.7), higherIsBetter = true), "flat")
        assertNull(Elbow.of(doubleArrayOf(1.0, 2.0), doubleArrayOf(0.5, 0.9), higherIsBetter = true), "two points")
    }
}
