package mlpkit.dsl.sweep

import kotlinx.coroutines.runBlocking
import mlpkit.dsl.Experiment
import mlpkit.dsl.cv.CrossValidation
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.ValidationSpec
import mlpkit.dsl.train.SeedStreams
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class SweepCrossValidationTest {
    private fun cvSweep(parallelism: Int) = experiment("widths") {
        data { classification(samples = 120, features = 4, informative = 3, redundant = 1, randomState = 5) }
        network { dense(2, tanh); dense(1, sigmoid) }
        training { loss = bce; optimizer = adam(lr = 0.05); epochs = 6; batchSize = 16; seed = 11 }
        sweep(parallelism) { for (h in listOf(1, 3, 6)) variant("h$h") { network { dense(h, tanh); dense(1, sigmoid) } } }
    }.spec.let { it.copy(sweep = it.sweep!!.copy(cv = 3)) }

    @Test
    fun `every variation is cross-validated on the same folds, drawn from the experiment's seed`() {
        val rows = runBlocking { SweepRunner().run(cvSweep(2)) }
        assertEquals(listOf("h1", "h3", "h6"), rows.map { it.name })
        assertTrue(rows.all { it.status == SweepStatus.OK && it.cv != null })
        val first = rows.first().cv!!
        assertEquals(SeedStreams(11).foldsSeed, first.randomState)
        for (row in rows) {
            val cv = row.cv!!
            assertEquals(3, cv.folds.size)
            for (f in 0 until 3) assertArrayEquals(first.folds[f].heldOutRows, cv.folds[f].heldOutRows)
        }
    }

    @Test
    fun `a variation's row holds the mean and std of its own cross-validation`() {
        val spec = cvSweep(1)
        val rows = runBlocking { SweepRunner().run(spec) }
        val (_, h3) = SweepRunner().variants(spec)[1]
        val direct = runBlocking {
            CrossValidation(Experiment(h3.copy(validation = ValidationSpec(cv = 3, randomState = SeedStreams(11).foldsSeed)))).run()
        }
        assertEquals(direct.summary, rows[1].metrics)
        val accuracies = direct.values("validation_accuracy")
        assertEquals(accuracies.average(), rows[1].metrics.getValue("cv_validation_accuracy"), 1e-15)
        assertTrue("cv_validation_accuracy_std" in rows[1].metrics)
        assertEquals("completed", rows[1].stopped)
    }

    @Test
    fun `the rows are the same at parallelism 1 and 2`() {
        val one = runBlocking { SweepRunner().run(cvSweep(1)) }
        val two = runBlocking { SweepRunner().run(cvSweep(2)) }
        assertEquals(one.map { it.name to it.metrics }, two.map { it.name to it.metrics })
    }

    @Test
    fun `a variation that sets its own validation block is refused with what to do`() {
        val (_, variant) = SweepRunner().variants(cvSweep(1))[0]
        val e = assertThrows<IllegalArgumentException> {
            SweepCrossValidation.validated("h1", variant.copy(validation = ValidationSpec(cv = 4)), 3, 11)
        }
        assertEquals(
            "sweep variation 'h1' sets a validation block (cv = 4), but the sweep's \"cv\": 3 cross-validates every variation itself: " +
                "remove \"validation\" from the experiment and the variation, or remove \"cv\" from the sweep",
            e.message,
        )
        val spec = cvSweep(1).let { it.copy(validation = ValidationSpec(cv = 4)) }
        val rows = runBlocking { SweepRunner().run(spec) }
        assertTrue(rows.all { it.status == SweepStatus.FAILED && it.message == "sweep variation '${it.name}' sets a validation block (cv = 4), but the sweep's \"cv\": 3 cross-validates every variation itself: remove \"validation\" from the experiment and the variation; or remove \"cv\" from the sweep".replace("; or", ", or") })
    }
}
