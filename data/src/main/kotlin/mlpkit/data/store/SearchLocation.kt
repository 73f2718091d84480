package mlpkit.data.store

import java.nio.file.Path

/** A directory the store looks in for a data set's files, and where it comes from (for messages). */
data class SearchLocation(val directory: Path, val origin: String) {
    override fun toString(): String = "$directory ($origin)"
}
