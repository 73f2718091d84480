package mlpkit.data.io

import java.nio.file.Path

/**
 * A child process for the tests: starts `writeAtomically(args[0])`, writes a few bytes and then waits
 * forever inside the write, so that the test can kill it while its temporary file exists.
 */
object SlowWriter {
    @JvmStatic
    fun main(args: Array<String>) {
        writeAtomically(Path.of(args[0])) { stream ->
            stream.write("partial".toByteArray())
            stream.flush()
            Thread.sleep(Long.MAX_VALUE)
        }
    }
}
