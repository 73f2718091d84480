package mlpkit.data.csv

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.apache.commons.math3.random.MersenneTwister

class DecimalTextTest {
    @Test
    fun `numbers are written as C's percent-17g writes them`() {
        // Expected texts: /usr/bin/python3 -c "print('%.17g' % v)" for each value (Python uses C's printf rules).
        val expected = listOf(
            0.0 to "0", -0.0 to "-0", 1.0 to "1", 16.0 to "16", -3.0 to "-3",
            0.1 to "0.10000000000000001", 1.0 / 3 to "0.33333333333333331", -2.0 / 3 to "-0.66666666666666663",
            1e-5 to "1.0000000000000001e-05", 0.0001 to "0.0001", 0.00012345678901234567 to "0.00012345678901234567",
            123456.789 to "123456.789", 1e16 to "10000000000000000", 1e17 to "1e+17",
            123456789012345678.0 to "1.2345678901234568e+17", 2.5e-300 to "2.5e-300", 4.9e-324 to "4.9406564584124654e-324",
            Double.MAX_VALUE to "1.7976931348623157e+308", -1.5e-7 to "-1.4999999999999999e-07", 1e23 to "9.9999999999999992e+22",
            0.5 to "0.5", 100.0 to "100", 12345678901234567.0 to "12345678901234568", 9007199254740992.0 to "9007199254740992",
            Math.PI to "3.1415926535897931",
        )
        for ((value, text) in expected) assertEquals(text, formatSeventeenDigits(value), "for $value")
    }

    @Test
    fun `seventeen digits read back to the identical double`() {
        val random = MersenneTwister(7)
        repeat(20_000) {
            val value = (random.nextDouble() - 0.5) * Math.pow(10.0, random.nextInt(40) - 20.0)
            assertEquals(value, parseDecimalOrNull(formatSeventeenDigits(value)), "for $value")
        }
    }

    @Test
    fun `non-finite values cannot be written`() {
        assertEquals(
            "cannot write NaN as a decimal number: only finite values can be written",
            assertThrows<IllegalArgumentException> { formatSeventeenDigits(Double.NaN) }.message,
        )
    }

    @Test
    fun `only plain decimal numbers are read`() {
        assertEquals(-0.5, parseDecimalOrNull("-.5"))
        assertEquals(2e5, parseDecimalOrNull("+2E5"))
        assertEquals(3.0, parseDecimalOrNull("3."))
        for (text in listOf("", "NaN", "Infinity", "1f", "1d", "0x1p3", "1e", "--1", "1 2", "1e999")) {
            assertNull(parseDecimalOrNull(text), "'$text' is not a plain finite decimal number")
        }
    }
}
