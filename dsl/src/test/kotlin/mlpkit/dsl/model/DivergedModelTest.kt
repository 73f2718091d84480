package mlpkit.dsl.model

import mlpkit.dsl.experiment
import mlpkit.dsl.run.RunDirectory
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

/** A run that diverges writes its model marked as diverged, and that model never loads silently. */
class DivergedModelTest {
    @Test
    fun `a run whose loss overflowed writes finite weights marked diverged, refused by Model load unless allowed`(@TempDir dir: Path) {
        // A linear regression with a huge step: the weights grow by a large factor each step until the squared
        // error overflows; the step that would follow is not taken, so the weights are still finite.
        val run = RunDirectory.create(dir, "blowup")
        val result = TrainingRun(
            experiment("blowup") {
                data { regression(samples = 50, features = 2, noise = 0.0, randomState = 1) }
                network { dense(1, identity) }
                // The divergence guard would stop it earlier (the next test): off, the run goes on until the loss overflows.
                training { loss = mse; reduction = sum; optimizer = sgd(lr = 1e3); epochs = 500; batchSize = full; seed = 1; divergence = off }
            },
            run,
        ).fit()
        val reason = assertInstanceOf(StopReason.NonFinite::class.java, result.reason)
        assertEquals("the loss became non-finite in epoch ${reason.epoch}, batch 1 (first in ${reason.layer})", reason.divergence)
        assertTrue(reason.epoch in 2..100, "diverged at epoch ${reason.epoch}")
        val written = Files.readString(run.modelFile)
        assertTrue("\"diverged\": \"${reason.divergence}\"" in written, written.take(300))

        val file = ModelFile.read(run.modelFile)
        assertEquals(reason.divergence, file.diverged)
        assertTrue(file.parameters.all { it.isFinite() }, file.parameters.toList().toString())

        val refused = assertThrows<DivergedModelException> { Model.load(run.modelFile) }
        assertEquals(run.modelFile.toString(), refused.source)
        assertEquals(reason.divergence, refused.divergence)
        assertTrue(refused.message!!.contains("diverged (the loss became non-finite in epoch ${reason.epoch}, batch 1"), refused.message)

        val allowed = Model.load(run.modelFile, allowDiverged = true)
        assertArrayEquals(result.model.file.parameters, allowed.file.parameters, 0.0)
    }

    @Test
    fun `a run stopped by the divergence guard writes its model marked with the guard's message`(@TempDir dir: Path) {
        val run = RunDirectory.create(dir, "guarded")
        val result = TrainingRun(
            experiment("guarded") {
                data { regression(samples = 50, features = 2, noise = 0.0, randomState = 1) }
                network { dense(1, identity) }
                training { loss = mse; reduction = sum; optimizer = sgd(lr = 1e3); epochs = 500; batchSize = full; seed = 1 }
            },
            run,
        ).fit()
        val reason = assertInstanceOf(StopReason.Diverged::class.java, result.reason)
        assertEquals(reason.message, reason.divergence)
        val file = ModelFile.read(run.modelFile)
        assertEquals(reason.message, file.diverged)
        assertTrue(file.parameters.all { it.isFinite() }, file.parameters.toList().toString())
        val refused = assertThrows<DivergedModelException> { Model.load(run.modelFile) }
        assertEquals(reason.message, refused.divergence)
        assertArrayEquals(result.model.file.parameters, Model.load(run.modelFile, allowDiverged = true).file.parameters, 0.0)
    }

    @Test
    fun `a run whose weights became non-finite writes a model that is refused even when divergence is allowed`(@TempDir dir: Path) {
        // A step of 1e308 times any gradient above 1.8 overflows: the first step makes the weights infinite.
        val run = RunDirectory.create(dir, "nan")
        val result = TrainingRun(
            experiment("nan") {
                data { regression(samples = 50, features = 2, noise = 0.0, randomState = 1) }
                network { dense(1, identity) }
                training { loss = mse; reduction = sum; optimizer = sgd(lr = 1e308); epochs = 5; batchSize = full; seed = 1 }
            },
            run,
        ).fit()
        val reason = assertInstanceOf(StopReason.NonFinite::class.java, result.reason)
        val bad = result.model.file.parameters.indexOfFirst { !it.isFinite() }
        assertTrue(bad >= 0, "the weights are not finite: ${reason.message}")
        assertEquals(2 to 1, reason.epoch to reason.batch, reason.message)
        val e = assertThrows<ModelFileException> { Model.load(run.modelFile, allowDiverged = true) }
        val message = e.message!!
        val entry = if (bad < 2) "W[2×1] entry ($bad, 0)" else "b[1×1] entry (0, 0)"
        val value = result.model.file.parameters[bad]
        assertTrue(message.startsWith("${run.modelFile}: \$.parameters[$bad] (layer 0 dense(1, identity) $entry) is $value, expected a finite number: "), message)
        assertTrue("the run that wrote this model diverged (${reason.divergence}), so no prediction can be made from it" in message, message)
    }

    @Test
    fun `a run that did not diverge has no marker`() {
        val result = TrainingRun(
            experiment("fine") {
                data { regression(samples = 20, features = 2, randomState = 1) }
                network { dense(1, identity) }
                training { loss = mse; optimizer = sgd(lr = 0.01); epochs = 2; batchSize = full; seed = 1 }
            },
        ).fit()
        assertNull(StopReason.Completed.divergence)
        assertNull(result.model.file.diverged)
        assertTrue("diverged" !in result.model.file.encode())
    }
}
