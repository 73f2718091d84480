package mlpkit.app.report

import kotlin.math.abs
import mlpkit.core.matrix.DenseMatrix
import mlpkit.dsl.model.Model
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class DecisionBoundaryTest {
    private val model: Model = ReportFixtures.moons.model
    private val raw = ReportFixtures.resolve(ReportFixtures.moonsSpec.copy(data = ReportFixtures.moonsSpec.data.copy(scaling = mlpkit.dsl.spec.Scaling.NONE)))

    /** The fraction f with colour = white + f · (class colour − white) in every channel (±1), or null when it is no such blend. */
    private fun blendFraction(rgb: Int, classIndex: Int): Double? {
        val target = Palette.classColor(classIndex)
        val channels = listOf((rgb shr 16) and 0xff to target.red, (rgb shr 8) and 0xff to target.green, rgb and 0xff to target.blue)
        val (pixel, colour) = channels.maxBy { (_, c) -> abs(255 - c) }
        val f = (255.0 - pixel) / (255.0 - colour)
        return f.takeIf { channels.all { (p, c) -> abs(p - (255 + f * (c - 255))) <= 1.5 } }
    }

    @Test
    fun `the background at a point is a tint of the class the model predicts there, in the data's own units`() {
        val picture = DecisionBoundary.draw(model, listOf("train" to raw.train, "test" to raw.test!!))!!
        assertEquals(ChartStyle.WIDTH, picture.image.width)
        // Points in empty space (no sample within 0.25): the upper left belongs to the upper moon (class 0),
        // the lower right to the lower moon (class 1); the model, fed raw inputs, scales them itself.
        for ((x, y) in listOf(-1.1 to 1.1, 2.0 to -0.6)) {
            val predicted = model.predictClasses(DenseMatrix.of(arrayOf(doubleArrayOf(x, y))))[0]
            val (px, py) = picture.pixelOf(x, y)
            val fraction = blendFraction(picture.image.getRGB(px, py) and 0xffffff, predicted)
            assertTrue(fraction != null && fraction in 0.13..0.51, "pixel at ($x, $y) should be a tint of class $predicted, got $fraction")
        }
        assertEquals(0, model.predictClasses(DenseMatrix.of(arrayOf(doubleArrayOf(-1.1, 1.1))))[0])
        assertEquals(1, model.predictClasses(DenseMatrix.of(arrayOf(doubleArrayOf(2.0, -0.6))))[0])
    }

    @Test
    fun `the samples are drawn on top in their class colour`() {
        val picture = DecisionBoundary.draw(model, listOf("train" to raw.train))!!
        val features = raw.train.features.toMatrix()
        val labels = raw.train.classLabels.labels
        val (px, py) = picture.pixelOf(features.getEntry(0, 0), features.getEntry(0, 1))
        val colour = Palette.classColor(labels[0]).rgb and 0xffffff
        val near = (-1..1).flatMap { dx -> (-1..1).map { dy -> picture.image.getRGB(px + dx, py + dy) and 0xffffff } }
        assertTrue(colour in near, "sample 0 (class ${labels[0]}) drawn at ($px, $py)")
    }

    @Test
    fun `a model with other than two inputs has no decision picture`() {
        val fiveInputs = mlpkit.dsl.experiment("five") {
            data { classification(samples = 40, features = 5, randomState = 1) }
            network { dense(2, softmax) }
            training { loss = softmaxCrossEntropy; epochs = 1 }
        }
        val result = mlpkit.dsl.train.TrainingRun(fiveInputs).fit()
        assertNull(DecisionBoundary.draw(result.model, listOf("train" to ReportFixtures.resolve(fiveInputs.spec).train)))
    }
}
