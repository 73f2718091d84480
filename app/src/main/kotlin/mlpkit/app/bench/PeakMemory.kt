package mlpkit.app.bench

import java.nio.file.Files
import java.nio.file.Path

/** The process's peak resident set size in MiB (Linux `VmHWM`), or null where /proc is not there. */
fun peakRssMib(): Double? = runCatching {
    Files.readAllLines(Path.of("/proc/self/status"))
        .firstOrNull { it.startsWith("VmHWM:") }
        ?.split(Regex("\\s+"))?.get(1)?.toDouble()?.div(1024.0)
}.getOrNull()
