package mlpkit.data.idx

import java.io.IOException

/**
 * A file that is not a well-formed IDX file (or not the IDX file that was expected). The message
 * starts with the file ([source]) and says what was expected, what was found and what to do.
 */
class IdxFormatException(val source: String, problem: String, cause: Throwable? = null) :
    IOException("$source: $problem", cause)
