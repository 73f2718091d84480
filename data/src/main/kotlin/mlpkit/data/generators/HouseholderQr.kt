package mlpkit.data.generators

/**
 * The Q factor of an economic QR decomposition, computed the way LAPACK's `dgeqr2` + `dorg2r` (what
 * `scipy.linalg.qr(mode="economic")` calls) compute it, so that the columns of Q have LAPACK's signs:
 *
 * - each reflector follows `dlarfg`: `beta = −sign(alpha)·‖(alpha, x)‖`, and no reflection at all
 *   (tau = 0) when the part below the diagonal is zero — in particular for the last column of a
 *   square matrix. (Commons Math's `QRDecomposition` reflects there too, which flips the sign of
 *   Q's last column and would change make_low_rank_matrix's output.)
 * - Q = H₁·H₂·…·H_k applied to the first n columns of the identity, from the last reflector back.
 *
 * [a] is row-major `m × n` with m ≥ n; it is not modified. Returns Q, row-major `m × n`.
 */
internal fun householderEconomicQ(a: DoubleArray, m: Int, n: Int): DoubleArray {
    require(m >= n) { "economic QR here needs at least as many rows as columns, got $m × $n" }
    val r = a.copyOf()
    val tau = DoubleArray(n)
    for (i in 0 until n) {
        tau[i] = reflect(r, m, n, i)
        if (tau[i] != 0.0 && i < n - 1) applyReflectorLeft(r, m, n, i, tau[i], fromColumn = i + 1)
    }
    // dorg2r: overwrite the reflectors with Q, working from the last one back.
    for (i in n - 1 downTo 0) {
        if (i < n - 1) {
            r[i * n + i] = 1.0
            applyReflectorLeft(r, m, n, i, tau[i], fromColumn = i + 1)
        }
        for (l in i + 1 until m) r[l * n + i] *= -tau[i]
        r[i * n + i] = 1.0 - tau[i]
        for (l in 0 until i) r[l * n + i] = 0.0
    }
    return r
}

/**
 * `dlarfg` on column [col] from the diagonal down: turns it into (beta, v₂…) with v₁ = 1 implied and
 * returns tau.
 */
private fun reflect(r: DoubleArray, m: Int, n: Int, col: Int): Double {
    if (m - col <= 1) return 0.0
    val alpha = r[col * n + col]
    // dnrm2 for values in the normal range is the plain root of the sum of squares.
    var sumOfSquares = 0.0
    for (l in col + 1 until m) sumOfSquares += r[l * n + col] * r[l * n + col]
    val xNorm = Math.sqrt(sumOfSquares)
    if (xNorm == 0.0) return 0.0
    val beta = -Math.copySign(lapackHypot(alpha, xNorm), alpha)
    val tau = (beta - alpha) / beta
    val factor = 1.0 / (alpha - beta)
    for (l in col + 1 until m) r[l * n + col] *= factor
    r[col * n + col] = beta
    return tau
}

/**
 * `dlarf('Left')`: applies H = I − tau·v·vᵀ to rows col.. and columns [fromColumn].. of r, where v is
 * (1, r[col+1.., col]).
 */
private fun applyReflectorLeft(r: DoubleArray, m: Int, n: Int, col: Int, tau: Double, fromColumn: Int) {
    for (j in fromColumn until n) {
        var w = r[col * n + j]
        for (l in col + 1 until m) w += r[l * n + col] * r[l * n + j]
        val t = tau * w
        r[col * n + j] -= t
        for (l in col + 1 until m) r[l * n + j] -= r[l * n + col] * t
    }
}

/** LAPACK's `dlapy2`: sqrt(x² + y²) as w·sqrt(1 + (z/w)²) with w the larger magnitude. */
private fun lapackHypot(x: Double, y: Double): Double {
    val w = maxOf(Math.abs(x), Math.abs(y))
    val z = minOf(Math.abs(x), Math.abs(y))
    return if (z == 0.0) w else w * Math.sqrt(1.0 + (z / w) * (z / w))
}
