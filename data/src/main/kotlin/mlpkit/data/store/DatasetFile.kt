package mlpkit.data.store

/**
 * One file of a data set: its canonical [name] (as the mirrors serve it, e.g.
 * `train-images-idx3-ubyte.gz`) and the SHA-256 of its IDX payload, i.e. of the decompressed bytes.
 *
 * The payload digest, not the digest of the `.gz`, is what is checked: the same data gzipped by
 * another tool or level (Debian's package, a re-compressed copy) or unpacked by the user has other
 * archive bytes but the same payload, and the payload is what a model is trained on.
 */
data class DatasetFile(val name: String, val payloadSha256: String) {
    init {
        require(payloadSha256.matches(Regex("[0-9a-f]{64}"))) {
            "the SHA-256 of $name must be 64 lowercase hex digits, got '$payloadSha256'"
        }
    }

    /** The names a local copy may have: gzipped first, then un-gzipped (`train-images-idx3-ubyte`). */
    val acceptedNames: List<String> = listOf(name, name.removeSuffix(".gz")).distinct()
}
