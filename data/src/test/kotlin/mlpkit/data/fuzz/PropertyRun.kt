package mlpkit.data.fuzz

import java.util.Random
import java.util.SplittableRandom

/**
 * Runs a property: one check of one random input, repeated for many inputs, each drawn from its own
 * [Random] whose seed comes from one run seed. The default suite uses [withSeed] (a fixed run seed, so CI
 * sees the same inputs every time); the long fuzz run (`mvn -B verify -Pfuzz`, tests tagged `fuzz`) uses
 * [fuzz] (a fresh run seed, or `-Dmlpkit.fuzz.seed=…` to repeat one, and `-Dmlpkit.fuzz.tries=…` to change
 * the count). A failure names the try and the run seed. (core's tests hold the same runner in Java.)
 */
object PropertyRun {
    /** Checks [tries] inputs drawn from [runSeed]: the same inputs on every run. */
    fun withSeed(runSeed: Long, tries: Int, check: (Random) -> Unit) = run(runSeed, tries, "", check)

    /** Checks [tries] inputs (or `-Dmlpkit.fuzz.tries`) drawn from a fresh seed (or `-Dmlpkit.fuzz.seed`). */
    fun fuzz(tries: Int, check: (Random) -> Unit) {
        val runSeed = System.getProperty("mlpkit.fuzz.seed")?.trim()?.ifEmpty { null }?.toLong() ?: System.nanoTime()
        val count = System.getProperty("mlpkit.fuzz.tries")?.trim()?.ifEmpty { null }?.toInt() ?: tries
        run(runSeed, count, "; repeat with -Dmlpkit.fuzz.seed=$runSeed", check)
    }

    private fun run(runSeed: Long, tries: Int, repeat: String, check: (Random) -> Unit) {
        val seeds = SplittableRandom(runSeed)
        for (i in 0 until tries) {
            val seed = seeds.nextLong()
            try {
                check(Random(seed))
            } catch (e: Throwable) {
                throw AssertionError("property failed on try ${i + 1} of $tries (run seed $runSeed, input seed $seed$repeat): ${e.message}", e)
            }
        }
    }
}
