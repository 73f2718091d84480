package mlpkit.app.script

import java.nio.file.Paths
import kotlin.system.exitProcess

/**
 * Internal smoke entry, until `mlp run FILE.mlp.kts` exists: loads each script with a [ScriptHost]
 * the way the command will, and prints what it got and how long it took, so that the shaded jar can
 * be checked by hand (the compiler inside a fat jar is where classpath problems show up):
 *
 * ```
 * java -cp app/target/mlp.jar mlpkit.app.script.ScriptLoadSmokeKt FILE.mlp.kts...
 * ```
 *
 * `MLP_SCRIPT_CACHE=DIR` puts the compiled-script cache in DIR instead of ~/.cache/mlpkit/scripts.
 * Exit status 2 when a script is rejected (its error lines on stderr), as `mlp run` will.
 */
fun main(args: Array<String>) {
    val jvmStarted = ProcessHandle.current().info().startInstant().orElse(null)
    val cacheDirectory = System.getenv("MLP_SCRIPT_CACHE")?.let { Paths.get(it) } ?: ScriptHost.defaultCacheDirectory()
    val hostStarted = System.nanoTime()
    val host = ScriptHost(cacheDirectory)
    println("script host ready in ${(System.nanoTime() - hostStarted) / 1_000_000} ms")
    var status = 0
    for (file in args) {
        val started = System.nanoTime()
        val compilationsBefore = host.compilationCount
        try {
            val experiment = host.load(Paths.get(file))
            val millis = (System.nanoTime() - started) / 1_000_000
            val how = if (host.compilationCount > compilationsBefore) "compiled" else "from cache"
            println("$file: $experiment (${experiment.spec.training.epochs} epochs); loaded in $millis ms, $how")
        } catch (e: ScriptException) {
            e.lines.forEach(System.err::println)
            status = 2
        }
    }
    if (jvmStarted != null) {
        println("since JVM start: ${java.time.Duration.between(jvmStarted, java.time.Instant.now()).toMillis()} ms")
    }
    exitProcess(status)
}
