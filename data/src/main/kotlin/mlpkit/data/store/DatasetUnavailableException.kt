package mlpkit.data.store

import java.io.IOException

/**
 * A data set that is neither on this machine nor downloadable now. The message lists every place the
 * store looked, every download tried and how to install the files.
 */
class DatasetUnavailableException(message: String) : IOException(message)
