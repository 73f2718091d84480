package mlpkit.dsl.model

/** A model or checkpoint file that cannot be read: the message names the file, what is wrong and what to do. */
open class ModelFileException(message: String, cause: Throwable? = null) : RuntimeException(message, cause)
