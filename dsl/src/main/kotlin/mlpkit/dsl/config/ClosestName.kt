package mlpkit.dsl.config

/** The known name a mistyped one most likely meant, for "did you mean" hints. */
internal object ClosestName {
    /** The name of [known] within a few edits of [given] (case ignored), or null when none is close. */
    fun of(given: String, known: Collection<String>): String? {
        val lower = given.lowercase()
        // A cut-short name ("train_acc") means the one it begins, however many letters are missing.
        known.singleOrNull { it.lowercase().startsWith(lower) && it != given }?.let { if (given.length >= 3) return it }
        val best = known.minByOrNull { distance(lower, it.lowercase()) } ?: return null
        val edits = distance(lower, best.lowercase())
        // Allow about one edit per four characters, so "epoch" finds "epochs" but "lr" does not find "eps".
        return best.takeIf { edits > 0 && edits <= maxOf(1, given.length / 4) || (edits == 0 && best != given) }
    }

    /** Levenshtein distance. */
    private fun distance(a: String, b: String): Int {
        var previous = IntArray(b.length + 1) { it }
        for (i in 1..a.length) {
            val current = IntArray(b.length + 1)
            current[0] = i
            for (j in 1..b.length) {
                val cost = if (a[i - 1] == b[j - 1]) 0 else 1
                current[j] = minOf(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.length]
    }
}
