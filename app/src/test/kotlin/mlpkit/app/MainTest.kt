package mlpkit.app

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class MainTest {
    @Test
    fun `--version prints mlp and the version Maven built`() {
        val expected = System.getProperty("mlpkit.expectedVersion")
        val run = mlp("--version")

        assertEquals(ExitCode.OK, run.exitCode)
        assertEquals(listOf("mlp $expected"), run.outLines)
        assertEquals("", run.err)
    }

    @Test
    fun `--help lists the gradcheck command on stdout and exits 0`() {
        val run = mlp("--help")

        assertEquals(ExitCode.OK, run.exitCode)
        assertTrue(run.outLines.first().startsWith("Usage: mlp "), run.out)
        assertTrue(run.outLines.any { it.trimStart().startsWith("gradcheck ") }, run.out)
        assertEquals("", run.err)
    }

    @Test
    fun `no command at all prints the help on stderr and exits 2`() {
        val run = mlp()

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals("", run.out)
        assertTrue(run.err.startsWith("Usage: mlp "), run.err)
    }

    @Test
    fun `an unknown command exits 2 with one line naming it`() {
        val run = mlp("train")

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals(listOf("mlp: no such subcommand train (see 'mlp --help')"), run.errLines)
    }

    @Test
    fun `--help lists every building block of the registry by kind`() {
        val run = mlp("--help")
        assertEquals(0, run.exitCode)
        val registry = mlpkit.core.concept.Registry.builtIns()
        for (kind in registry.kinds()) {
            val line = run.out.substringAfter(ConceptsCommand.plural(kind) + ": ").substringBefore("\n\n")
            for (name in registry.of(kind).names()) {
                assertTrue(line.replace("\n", " ").split(", ", " ").contains(name), "$name under ${ConceptsCommand.plural(kind)}: $line")
            }
        }
    }

    @Test
    fun `mlp concepts shows each concept of a kind with its parameters, and an unknown kind exits 2`() {
        val run = mlp("concepts", "losses")
        assertEquals(0, run.exitCode, run.err)
        assertEquals("losses:", run.outLines.first())
        for (concept in mlpkit.core.concept.Registry.builtIns().of(mlpkit.core.loss.Loss.KIND).all()) {
            assertTrue(run.outLines.any { it.startsWith("  ${concept.signature()}") }, "${concept.signature()} in\n${run.out}")
        }
        // Each parameter with its range and default, from the concept: huber's delta.
        assertTrue(run.outLines.any { it.trim().startsWith("delta: ") && it.endsWith("(a number > 0, default 1.0)") }, run.out)
        val bad = mlp("concepts", "lossez")
        assertEquals(ExitCode.INVALID_INPUT, bad.exitCode)
        assertEquals(1, bad.errLines.size, bad.err)
        assertTrue(bad.errLines.single().startsWith("mlp concepts: unknown kind (expected one of activations, "), bad.err)
    }

    @Test
    fun `every command is listed by --help and answers its own --help`() {
        val help = mlp("--help")
        val sink = java.io.PrintStream(java.io.ByteArrayOutputStream())
        for (command in commands(sink, sink)) {
            val name = command.commandName
            assertTrue(help.outLines.any { it.trimStart().startsWith("$name ") }, "$name in\n${help.out}")
            val own = mlp(name, "--help")
            assertEquals(ExitCode.OK, own.exitCode, "mlp $name --help: ${own.err}")
            assertTrue(own.outLines.first().startsWith("Usage: mlp $name"), own.out)
        }
    }

    @Test
    fun `every command's summary in --help is a whole sentence, not cut at the end of a help line`() {
        val help = mlp("--help").out
        val section = help.substringAfter("Commands:\n").substringBefore("\n\n")
        val summaries = mutableMapOf<String, String>()
        var current = ""
        for (line in section.lines()) {
            val entry = Regex("""^  (\S+)\s+(.*)$""").find(line)
            if (entry != null) {
                current = entry.groupValues[1]
                summaries[current] = entry.groupValues[2]
            } else {
                summaries[current] = summaries.getValue(current) + " " + line.trim()
            }
        }
        val sink = java.io.PrintStream(java.io.ByteArrayOutputStream())
        assertEquals(commands(sink, sink).map { it.commandName }.toSet(), summaries.keys)
        for ((name, summary) in summaries) {
            assertTrue(summary.endsWith("."), "mlp $name's summary is cut off: '$summary'")
        }
        assertEquals(
            "Train an experiment and write its run directory: model, history, metrics, pictures and report.",
            summaries["run"],
        )
    }

    @Test
    fun `mlp concepts documents lbfgs, adaptive, sklearnUniform and the conventions of issue 16 in full`() {
        val out = listOf("optimisers", "schedules", "initialisers").joinToString("\n") { mlp("concepts", it).out }
        val lines = out.lines().map { it.trim() }
        for (expected in listOf(
            "lbfgs(m=10, maxFun=15000, tol=1.0e-4, ftol=2.220446049250313e-9, maxLineSearch=20, weightDecay=0.0)",
            "ftol: stop when the loss's relative decrease (f_k − f_k+1) / max(|f_k|, |f_k+1|, 1) is ≤ ftol (scipy's ftol = factr · eps) (a number ≥ 0, default 2.220446049250313e-9)",
            "tol: stop when the gradient's largest absolute entry is ≤ tol (scikit-learn's tol, scipy's gtol) (a number ≥ 0, default 1.0e-4)",
            "maxLineSearch: the most evaluations in one line search (scipy's maxls) (a whole number ≥ 1, default 20)",
            "adaptive(monitor=train_loss, tol=1.0e-4, nIterNoChange=10, stop=false)",
            "stop: end the run when the count runs out while the rate is already ≤ 1e-6 (scikit-learn); false keeps the rate (true or false, default false)",
            "inverseScaling(power=0.5, per=epoch) (also invscaling)",
            "per: what t counts: epoch, or sample (the training rows seen, scikit-learn's invscaling) (one of epoch, sample, default epoch)",
            "sklearnUniform(factor=6.0)",
            "convention: keras: v ← μv − ηg, θ ← θ + v (also scikit-learn's); torch: b ← μb + g, θ ← θ − ηb (one of keras, torch, default keras)",
            "weightDecayPer: batch: λθ is added to the mean gradient (PyTorch, Keras); sample: λθ/rows (scikit-learn's alpha) (one of batch, sample, default batch)",
        )) {
            assertTrue(expected in lines, "'$expected' in\n$out")
        }
    }
}
