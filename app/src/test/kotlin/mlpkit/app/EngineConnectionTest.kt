package mlpkit.app

import mlpkit.core.distributed.DataParallel
import mlpkit.core.distributed.DataParallelProvider
import mlpkit.dsl.spec.ClusterSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** How an engine's start-up failures become one line of `mlp run` (the spark module tests the real engine's). */
class EngineConnectionTest {
    /** An engine that fails to start with [failure]. */
    private class Failing(private val failure: Throwable) : DataParallelProvider {
        override fun name() = "failing"

        override fun connect(master: String, conf: Map<String, String>): DataParallel = throw failure
    }

    private fun line(failure: Throwable): String = assertThrows<InvalidInput> {
        EngineConnection.connect("run", ClusterSpec("foo", "failing"), Failing(failure))
    }.message!!

    @Test
    fun `a checked exception from the engine's start-up, as Spark's SparkException is, is one line with the advice`() {
        assertEquals(
            "mlp run: cannot train on failing master foo: Could not parse Master URL: 'foo'; ${EngineConnection.ADVICE}",
            line(Exception("Could not parse Master URL: 'foo'\n\tat somewhere")),
        )
    }

    @Test
    fun `the engine's own check of the master keeps its own advice`() {
        assertEquals(
            "mlp run: cannot train on failing master foo: cannot reach the master foo: start it there, or check the URL",
            line(IllegalArgumentException("cannot reach the master foo: start it there, or check the URL")),
        )
    }

    @Test
    fun `a runtime failure gets the advice and a missing class says to run through the launcher`() {
        assertEquals("mlp run: cannot train on failing master foo: port in use; ${EngineConnection.ADVICE}", line(IllegalStateException("port in use")))
        assertEquals(
            "mlp run: cannot train on failing master foo: the engine's classes are incomplete (NoClassDefFoundError: org/apache/spark/SparkConf); " +
                "run through ./mlp, which puts the mlpkit-failing module and its dependencies on the class path",
            line(NoClassDefFoundError("org/apache/spark/SparkConf")),
        )
    }
}
