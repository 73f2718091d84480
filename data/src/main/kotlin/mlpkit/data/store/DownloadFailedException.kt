package mlpkit.data.store

import java.io.IOException

/** Every mirror failed for [fileName]; [attempts] says, per URL, why ("url: reason"). */
class DownloadFailedException(val fileName: String, val attempts: List<String>) : IOException(
    "could not download $fileName: " + attempts.joinToString("; "),
)
