package mlpkit.dsl.train

import java.util.concurrent.atomic.AtomicBoolean

/**
 * A polite stop for a run (Ctrl-C in the command line, a Stop button): the run finishes the batch it
 * is in, evaluates and saves what it has, and ends with [StopReason.Cancelled]. Cancelling the
 * collecting coroutine instead stops at once, without a result. One signal per run; thread-safe.
 */
class StopSignal {
    private val requested = AtomicBoolean(false)

    fun requestStop() = requested.set(true)

    val isStopRequested: Boolean get() = requested.get()
}
