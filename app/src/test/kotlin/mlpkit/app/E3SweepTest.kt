package mlpkit.app

import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import mlpkit.dsl.sweep.SweepRunner
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/**
 * Article 003's hidden-size sweep (examples/e3-sweep.json, 30 networks × 2000 full-batch iterations, about
 * four minutes on two cores): test AUC climbs steeply up to a few nodes and has levelled off by about ten,
 * the article's "clear elbow around 10 nodes". Tagged long: `mvn -B verify -Plong-tests`; by hand,
 * `./mlp run examples/e3-sweep.json` and read summary.csv.
 */
@Tag("long")
class E3SweepTest {
    private val examples: Path = Path.of("..", "examples").toAbsolutePath().normalize()

    @Test
    fun `test AUC against hidden size rises steeply to four nodes and is flat beyond ten`() {
        val spec = ExperimentLoader.load(examples.resolve("e3-sweep.json")).spec
        val rows = runBlocking { SweepRunner().run(spec) }
        assertEquals((1..30).map { "h=$it" }, rows.map { it.name })
        val auc = rows.associate { it.name.removePrefix("h=").toInt() to it.metrics.getValue("test_auc") }

        // Seed 0 measures 0.871, 0.920, 0.940, 0.951 for 1..4 nodes, 0.966 at 10 and at most 0.973 beyond.
        assertTrue(auc.getValue(1) < 0.9, "one node is far from the plateau: $auc")
        assertTrue(auc.getValue(4) - auc.getValue(1) > 0.05, "steep rise from 1 to 4 nodes: $auc")
        val beyondTen = (11..30).map { auc.getValue(it) }
        assertTrue(beyondTen.max() - auc.getValue(10) < 0.02, "little to gain beyond 10 nodes: $auc")
        assertTrue(beyondTen.min() > 0.95, "no size beyond 10 falls off the plateau: $auc")
    }
}
