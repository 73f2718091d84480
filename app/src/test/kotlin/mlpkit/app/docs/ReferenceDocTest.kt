package mlpkit.app.docs

import mlpkit.app.reference.REFERENCE_COMMAND
import mlpkit.app.reference.ReferenceDoc
import mlpkit.core.concept.Registry
import mlpkit.data.generators.GeneratorRegistry
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path

/** docs/reference.md is what the code writes today: a changed concept, key, option or help text changes it. */
class ReferenceDocTest {
    private val written = ReferenceDoc.text()

    @Test
    fun `the committed docs reference md is what the code writes`() {
        val committed = Files.readString(Path.of("../docs/reference.md"))
        if (committed != written) {
            val a = committed.lines()
            val b = written.lines()
            val first = (0 until maxOf(a.size, b.size)).first { a.getOrNull(it) != b.getOrNull(it) }
            fail<Unit>(
                "docs/reference.md is stale (expected the text the code writes, got a file that differs from line ${first + 1}: " +
                    "'${a.getOrNull(first)}' where the code writes '${b.getOrNull(first)}'); run $REFERENCE_COMMAND and commit docs/reference.md",
            )
        }
    }

    @Test
    fun `the reference names every concept parameter, JSON key, option and generator parameter`() {
        for (concept in Registry.builtIns().all()) {
            assertTrue("- `${concept.signature()}`" in written, concept.signature())
            for (param in concept.params()) assertTrue("| `${param.name()}` | " in written, "${concept.name()}.${param.name()}")
        }
        for (key in listOf("`$.training.epochs`", "`$.data.source.train`", "`$.training.callbacks[i].patience`", "`$.data.split.randomState`")) {
            assertTrue(key in written, key)
        }
        // Defaults read back from a spec decoded from required keys only (including keys left out of files at their default);
        // ranges as the spec declares them (@ValidRange), empty for keys without one.
        assertTrue("| `$.training.epochs` |  | a whole number | a whole number ≥ 1 | `10` |" in written, written.lines().first { "$.training.epochs`" in it })
        assertTrue("| `$.data.split.test` |  | a number | a number in [0, 1) | `0.0` |" in written, written.lines().first { "$.data.split.test`" in it })
        assertTrue("| `$.training.shuffle` |  | true or false |  | `true` |" in written, written.lines().first { "$.training.shuffle`" in it })
        assertTrue("--epochs=<n>        override the number of epochs" in written)
        for (parameter in GeneratorRegistry.standard.find("make_moons").parameters) assertTrue("| `${parameter.name}` | " in written, parameter.name)
        assertTrue("- `fun experiment(name: String, block: ExperimentBuilder.() -> Unit): Experiment`" in written)
    }
}
