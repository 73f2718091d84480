package mlpkit.data.generators

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.fail

/**
 * How close our generated numbers must be to scikit-learn's: 1e-12 relative, with an absolute floor
 * of 1e-12 for entries near zero (sin(π) is 1.2e-16 in numpy and may differ in every digit from
 * Java's while both are 0 to the eye). The differences that remain come from the order of additions
 * in BLAS dot products, Java's and glibc's `log`/`sin`/`cos`/`exp` rounding the last bit
 * differently, and LAPACK's blocked QR.
 */
internal object ParityAssertions {
    const val RELATIVE_TOLERANCE = 1e-12

    fun assertClose(expected: DoubleArray, actual: DoubleArray, what: String) {
        assertEquals(expected.size, actual.size, "$what: number of values")
        var worst = -1
        var worstExcess = 0.0
        for (i in expected.indices) {
            val allowed = RELATIVE_TOLERANCE * maxOf(Math.abs(expected[i]), 1.0)
            val excess = Math.abs(expected[i] - actual[i]) / allowed
            if (!(excess <= 1.0) && (worst < 0 || excess > worstExcess)) {
                worst = i
                worstExcess = excess
            }
        }
        if (worst >= 0) {
            fail<Unit>(
                "$what: value $worst is ${actual[worst]}, scikit-learn gives ${expected[worst]} " +
                    "(beyond 1e-12 relative by a factor $worstExcess)",
            )
        }
    }

    /** The largest |a − b| / max(|b|, 1) over the values: how close parity really is. */
    fun worstRelativeError(expected: DoubleArray, actual: DoubleArray): Double =
        expected.indices.maxOfOrNull { Math.abs(expected[it] - actual[it]) / maxOf(Math.abs(expected[it]), 1.0) } ?: 0.0
}
