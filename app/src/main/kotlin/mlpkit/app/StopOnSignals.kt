package mlpkit.app

import java.io.PrintStream
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicReference
import mlpkit.dsl.train.StopSignal
import sun.misc.Signal
import sun.misc.SignalHandler

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a command that trains, in three phases:
 *
 * 1. **preparing** (reading the experiment, loading or generating data): the command ends at once with
 *    [ExitCode.INTERRUPTED] or [ExitCode.TERMINATED]; nothing has been written, no run directory exists
 *    (temporaries are removed by [mlpkit.data.io.TemporaryFiles]' shutdown hook).
 * 2. **running** (from the creation of the run directory, inside [startRun]): [stopSignal] asks the run to
 *    stop after its current batch; it then writes everything an ended run writes, and [exitStatus] makes the
 *    command end with 130 / 143 once its summary, report and "run directory:" line are out.
 * 3. **finishing** (after [finishing]): a first signal only sets [exitStatus]; the run is already complete.
 *
 * In any phase, a second signal ends the process at once with the same status: files are written atomically,
 * so what is there is whole, and the temporaries go with the process.
 *
 * The handlers are `sun.misc.Signal` ones (module `jdk.unsupported`, open to every class-path program in
 * JDK 17, no flag needed). Where one cannot be installed (`-Xrs`, or a signal the JVM reserves), a shutdown
 * hook stands in: it asks the run to stop and holds the JVM until the command is done, and the JVM's own
 * exit status for the signal is 128 + its number as well. A signal the parent ignores (`nohup`, a background
 * job of a shell without job control) stays ignored, as the JVM leaves it. [close] puts the previous handlers back.
 */
internal class StopOnSignals private constructor(private val command: String, private val err: PrintStream) : AutoCloseable {
    /** The signal a training run is given; it stops after its current batch once a signal arrives. */
    val stopSignal = StopSignal()

    private val lock = Any()
    private var phase = Phase.PREPARING
    private val received = AtomicReference<InterruptSignal?>(null)
    private val previous = LinkedHashMap<Signal, SignalHandler>()
    private val done = CountDownLatch(1)
    private var hook: Thread? = null

    private enum class Phase { PREPARING, RUNNING, FINISHING }

    /** The signals that stop a run, and the exit status each ends the command with. */
    enum class InterruptSignal(val signalName: String, val exitCode: Int) {
        INT("INT", ExitCode.INTERRUPTED),
        TERM("TERM", ExitCode.TERMINATED),
    }

    /** 130 or 143 when a signal arrived (the command must end with it), null otherwise. */
    val exitStatus: Int? get() = received.get()?.exitCode

    /**
     * Runs [createRunDirectory] and enters the running phase, atomically with respect to the signals: a
     * signal either ends the command before the directory exists or asks the run in it to stop.
     */
    fun <T> startRun(createRunDirectory: () -> T): T = synchronized(lock) {
        createRunDirectory().also { phase = Phase.RUNNING }
    }

    /** Training has ended and its files are written: from now on a first signal only sets [exitStatus]. */
    fun finishing() = synchronized(lock) { phase = Phase.FINISHING }

    private fun install() {
        try {
            for (signal in InterruptSignal.values()) {
                val handle = Signal(signal.signalName)
                previous[handle] = Signal.handle(handle) { onSignal(signal) }
            }
        } catch (_: IllegalArgumentException) {
            restoreHandlers()
            hook = Thread({ stopSignal.requestStop(); done.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS) }, "mlp-stop-on-shutdown")
                .also { Runtime.getRuntime().addShutdownHook(it) }
        }
    }

    private fun onSignal(signal: InterruptSignal) {
        if (!received.compareAndSet(null, signal)) {
            err.println("mlp $command: stopped at once by a second signal; every file written so far is complete, the rest is missing")
            exitNow(signal)
        }
        synchronized(lock) {
            when (phase) {
                Phase.PREPARING -> {
                    err.println("mlp $command: interrupted before training started; no run directory was created")
                    exitNow(signal)
                }
                Phase.RUNNING -> {
                    stopSignal.requestStop()
                    err.println("mlp $command: stopping after the current batch and saving the run (signal again to quit at once)")
                }
                Phase.FINISHING -> err.println("mlp $command: the run is complete; finishing its report (signal again to quit at once)")
            }
        }
    }

    /** Ends the JVM with the signal's status; shutdown hooks (the temporaries' clean-up) still run. */
    private fun exitNow(signal: InterruptSignal): Nothing {
        err.flush()
        Runtime.getRuntime().exit(signal.exitCode)
        throw IllegalStateException("unreachable: the JVM is exiting")
    }

    private fun restoreHandlers() {
        for ((signal, handler) in previous) runCatching { Signal.handle(signal, handler) }
        previous.clear()
    }

    override fun close() {
        restoreHandlers()
        done.countDown()
        hook?.let { runCatching { Runtime.getRuntime().removeShutdownHook(it) } }
    }

    companion object {
        /** How long the fallback shutdown hook holds the JVM for the run to write its files and report. */
        private const val HOOK_WAIT_SECONDS = 120L

        /** Installs the handlers for `mlp [command]`, which reports on [err]; close to put the previous ones back. */
        fun install(command: String, err: PrintStream): StopOnSignals = StopOnSignals(command, err).also { it.install() }
    }
}
