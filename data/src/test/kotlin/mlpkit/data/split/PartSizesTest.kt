package mlpkit.data.split

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class PartSizesTest {
    private fun error(sizes: PartSizes, rows: Int): String? = assertThrows<IllegalArgumentException> { sizes.resolve(rows, "moons") }.message

    @Test
    fun `fractions become exact row counts by largest remainders`() {
        assertEquals(PartCounts(4000, 0, 1000, 0), PartSizes.Fractions(0.8, test = 0.2).resolve(5000, "e3"))
        assertEquals(PartCounts(3, 1, 1, 0), PartSizes.Fractions(0.5, 0.25, 0.25).resolve(5, "s"))
        assertEquals(PartCounts(7, 2, 1, 0), PartSizes.Fractions(0.7, 0.15, 0.15).resolve(10, "s"))
        assertEquals(PartCounts(7, 2, 2, 0), PartSizes.Fractions(0.6, 0.2, 0.2).resolve(11, "s"))
    }

    @Test
    fun `train without a fraction takes what validation and test leave`() {
        assertEquals(PartCounts(54000, 6000, 0, 0), PartSizes.Fractions(validation = 0.1).resolve(60000, "mnist"))
    }

    @Test
    fun `counts are taken as they are and train can take the rest`() {
        assertEquals(PartCounts(80, 10, 10, 0), PartSizes.Counts(validation = 10, test = 10).resolve(100, "s"))
        assertEquals(PartCounts(50, 10, 0, 40), PartSizes.Counts(train = 50, validation = 10).resolve(100, "s"))
    }

    @Test
    fun `fractions that do not add up to 1 are refused`() {
        assertEquals(
            "'moons': the fractions train 0.7 + validation 0.2 + test 0.2 add up to 1.0999999999999999, not 1: adjust them, or leave train out to give it the rest",
            error(PartSizes.Fractions(0.7, 0.2, 0.2), 100),
        )
        assertEquals(
            "'moons': validation 0.5 + test 0.5 leave no rows for training: make them add up to less than 1",
            error(PartSizes.Fractions(validation = 0.5, test = 0.5), 100),
        )
        assertEquals("'moons': the test fraction must be between 0 and 1, got -0.2", error(PartSizes.Fractions(0.8, test = -0.2), 100))
    }

    @Test
    fun `a part that would be empty is refused`() {
        assertEquals(
            "'moons': the validation part would be empty: 0.01 of 50 rows is 0.5 rows, which rounds to 0; use a larger fraction, a row count, or 0 for no validation part",
            error(PartSizes.Fractions(0.99, 0.01), 50),
        )
        assertEquals("'moons': the train part needs at least 1 row, got a count of 0", error(PartSizes.Counts(train = 0, test = 5), 50))
        assertEquals(
            "'moons': validation 30 + test 20 rows leave none of the 50 rows for training: use smaller counts",
            error(PartSizes.Counts(validation = 30, test = 20), 50),
        )
    }

    @Test
    fun `counts beyond the set are refused`() {
        assertEquals(
            "'moons': the counts train 80 + validation 10 + test 20 = 110 exceed its 100 rows: use smaller counts",
            error(PartSizes.Counts(80, 10, 20), 100),
        )
        assertEquals("'moons': row counts must be ≥ 0, got validation -1 and test 0", error(PartSizes.Counts(validation = -1), 100))
    }
}
