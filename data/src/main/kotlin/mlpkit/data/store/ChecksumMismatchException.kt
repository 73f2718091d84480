package mlpkit.data.store

import java.io.IOException
import java.nio.file.Path

/** A local data file whose payload is not the one the store expects (corrupt, or another version). */
class ChecksumMismatchException(val file: Path, val expected: String, val actual: String) : IOException(
    "$file: SHA-256 of the IDX payload is $actual, expected $expected: the file is damaged or not the " +
        "original; delete it (the store then looks elsewhere or downloads it again) or reinstall it with " +
        "scripts/install-datasets.sh",
)
