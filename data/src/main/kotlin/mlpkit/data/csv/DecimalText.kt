package mlpkit.data.csv

import java.math.BigDecimal
import java.math.MathContext
import java.math.RoundingMode
import kotlin.math.abs

/**
 * [value] as C's `printf("%.17g")` writes it (and numpy's `savetxt(fmt="%.17g")`): 17 significant
 * digits, which is always enough to read back the identical double, with trailing zeros removed;
 * scientific notation below 1e-4 and from 1e17 on. `0.1` → `0.10000000000000001`, `16.0` → `16`,
 * `1e-5` → `1.0000000000000001e-05`. Non-finite values are refused: a data CSV cannot hold them.
 */
fun formatSeventeenDigits(value: Double): String {
    require(value.isFinite()) { "cannot write $value as a decimal number: only finite values can be written" }
    if (value == 0.0) return if (1.0 / value < 0) "-0" else "0"
    // BigDecimal(double) is the exact binary value, so rounding it half-even is what glibc's printf does.
    val rounded = BigDecimal(value).round(MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
    val exponent = rounded.precision() - rounded.scale() - 1
    val stripped = rounded.stripTrailingZeros()
    if (exponent >= -4 && exponent < SIGNIFICANT_DIGITS) return stripped.toPlainString()
    val digits = stripped.unscaledValue().abs().toString()
    val mantissa = if (digits.length == 1) digits else digits[0] + "." + digits.substring(1)
    val sign = if (value < 0) "-" else ""
    val exponentSign = if (exponent < 0) "-" else "+"
    return sign + mantissa + "e" + exponentSign + abs(exponent).toString().padStart(2, '0')
}

private const val SIGNIFICANT_DIGITS = 17

/**
 * [text] as a finite double when it is a plain decimal number (`12`, `-0.5`, `.5`, `1e-3`, `+2E5`),
 * else null. Stricter than `String.toDouble`, which would also take `NaN`, `Infinity`, `1f`, `0x1p3`.
 */
fun parseDecimalOrNull(text: String): Double? {
    if (text.isEmpty()) return null
    for (ch in text) {
        if (!(ch in '0'..'9' || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) return null
    }
    // Only digits, sign, point and exponent are left, which parseDouble accepts exactly when well formed.
    val value = try {
        java.lang.Double.parseDouble(text)
    } catch (_: NumberFormatException) {
        return null
    }
    return if (value.isFinite()) value else null
}
