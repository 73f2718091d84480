package mlpkit.data.io

import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.atomic.AtomicLong

/**
 * The temporary files this process is writing, each beside its target and named after it and this
 * process, `.<target name>.<pid>-<n>.part`, so that:
 *
 * - every way out of the process removes them: a failing write deletes its own ([release]); a JVM
 *   shutdown (SIGTERM, a second Ctrl-C, `System.exit`) runs a hook that deletes every live one and
 *   refuses new ones, so a writer that is still running cannot leave a file behind;
 * - what no hook can remove (kill -9, a power cut) is removed by the next write into that directory:
 *   [create] first deletes the temporaries of processes that no longer exist ([removeStale]).
 *
 * This is the one process-wide mutable state of mlpkit, on purpose: a shutdown is process-wide, and
 * the hook must see the temporaries of every thread and every run in the JVM, whoever created them.
 */
object TemporaryFiles {
    private const val SUFFIX = ".part"
    private val OWNED = Regex("""^\.(.+)\.(\d{1,19})-(\d+)\.part$""")
    private val pid = ProcessHandle.current().pid()
    private val counter = AtomicLong()
    private val registered = LinkedHashSet<Path>()
    private var closed = false
    private var hookInstalled = false

    /** The name of the [n]th temporary of process [pid] for a target called [targetName]. */
    fun nameFor(targetName: String, pid: Long, n: Long): String = ".$targetName.$pid-$n$SUFFIX"

    /** The process that owns the temporary called [fileName], or null when the name is not one of [nameFor]'s. */
    fun ownerOf(fileName: String): Long? = OWNED.matchEntire(fileName)?.groupValues?.get(2)?.toLongOrNull()

    /**
     * A new, empty temporary file beside [target] (whose directory must exist), registered so that a
     * shutdown removes it; stale temporaries of dead processes in that directory are removed first.
     * Throws [IOException] when the file cannot be created or the JVM is already shutting down.
     */
    fun create(target: Path): Path {
        val absolute = target.toAbsolutePath()
        val directory = absolute.parent
        removeStale(directory)
        val temporary = directory.resolve(nameFor(absolute.fileName.toString(), pid, counter.incrementAndGet()))
        // Registered before it exists, so that no moment has a file the shutdown hook does not know.
        register(temporary)
        try {
            Files.createFile(temporary)
        } catch (e: IOException) {
            release(temporary)
            throw e
        }
        return temporary
    }

    /** Deletes [temporary] if it is still there (after a failure, or after it was moved) and forgets it. */
    fun release(temporary: Path) {
        try {
            Files.deleteIfExists(temporary)
        } finally {
            synchronized(this) { registered.remove(temporary) }
        }
    }

    /**
     * Deletes the temporaries in [directory] whose process is gone (killed before it could clean up), and
     * returns them; those of live processes (other runs writing here right now) are left alone. Best
     * effort: a file it cannot list or delete is skipped.
     */
    fun removeStale(directory: Path): List<Path> {
        val stale = try {
            Files.newDirectoryStream(directory, ".*$SUFFIX").use { entries ->
                entries.filter { file ->
                    val owner = ownerOf(file.fileName.toString())
                    owner != null && owner != pid && !ProcessHandle.of(owner).isPresent
                }
            }
        } catch (_: IOException) {
            return emptyList()
        }
        return stale.filter { runCatching { Files.deleteIfExists(it) }.getOrDefault(false) }
    }

    /** The temporaries this process is writing now (for tests and diagnostics). */
    fun live(): Set<Path> = synchronized(this) { registered.toSet() }

    private fun register(temporary: Path) {
        synchronized(this) {
            if (closed) throw IOException("$temporary: not created, the process is shutting down")
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(Thread(::removeAll, "mlp-temporary-files"))
                hookInstalled = true
            }
            registered.add(temporary)
        }
    }

    /** The shutdown hook: no new temporaries from now on, and every live one deleted. */
    private fun removeAll() {
        val doomed = synchronized(this) {
            closed = true
            registered.toList().also { registered.clear() }
        }
        for (file in doomed) runCatching { Files.deleteIfExists(file) }
    }
}
