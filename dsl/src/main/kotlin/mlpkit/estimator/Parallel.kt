package mlpkit.estimator

import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.ThreadFactory

/**
 * Runs [body] for 0 until [tasks] on at most [nJobs] threads and returns the results in task order. Each task is
 * independent (its own clone, its own RandomState), so the results do not depend on [nJobs]; a task's exception is
 * rethrown as it was thrown (the first one in task order).
 */
internal fun <T> runBounded(tasks: Int, nJobs: Int, body: (Int) -> T): List<T> {
    require(nJobs >= 1) { "nJobs must be at least 1 (the number of fits run at once), got $nJobs" }
    if (nJobs == 1 || tasks <= 1) return List(tasks) { body(it) }
    val factory = ThreadFactory { r -> Thread(r, "mlpkit-search").apply { isDaemon = true } }
    val pool = Executors.newFixedThreadPool(minOf(nJobs, tasks), factory)
    try {
        val futures = List(tasks) { i -> pool.submit<T> { body(i) } }
        return futures.map { future ->
            try {
                future.get()
            } catch (e: ExecutionException) {
                throw e.cause ?: e
            }
        }
    } finally {
        pool.shutdownNow()
    }
}
