package mlpkit.app.report

import java.io.ByteArrayInputStream
import javax.imageio.ImageIO
import mlpkit.data.RegressionTargets
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.TargetScaling
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class RegressionPicturesTest {
    private val linnerud = TrainingRun(
        experiment("linnerud") {
            data { linnerud(); split(test = 0.25, randomState = 0); scaling = standard; targetScaling = standard }
            network { dense(6, tanh); dense(3, identity) }
            training { loss = mse; optimizer = adam(lr = 0.01); epochs = 20; batchSize = 5; seed = 2 }
        },
    ).fit()
    private val record = RunRecord.of(linnerud)

    @Test
    fun `a three-output regression run gets a predicted-vs-actual and a residual picture per output, none blank`() {
        val warnings = ArrayList<String>()
        val pictures = RunPictures { warnings += it }.draw(record, PictureData(record.spec, null, ReportFixtures::resolve))
        assertEquals(emptyList<String>(), warnings)
        assertEquals(
            listOf("loss.png") + (1..3).flatMap { listOf("predicted-vs-actual-$it.png", "residuals-$it.png") },
            pictures.map { it.file },
        )
        assertEquals("Predicted vs actual: Weight", pictures[1].title)
        for (picture in pictures) {
            val decoded = ImageIO.read(ByteArrayInputStream(picture.png))
            assertTrue(ReportFixtures.distinctColours(decoded) > 20, "${picture.file} has content")
        }
    }

    @Test
    fun `the charts plot the test part's points in the targets' units with the y = x line over their range`() {
        val raw = ReportFixtures.resolve(record.spec.copy(data = record.spec.data.copy(scaling = Scaling.NONE, targetScaling = TargetScaling.NONE)))
        val test = raw.test!!
        assertEquals(5, test.size, "0.25 of 20 rows")
        val actual = (test.targets as RegressionTargets).values
        val predicted = Model.of(record.model).predict(test.features.toMatrix())
        val chart = RegressionCharts.predictedVsActual("test", "Weight", actual, predicted, 0)
        val points = chart.getSeries("test")
        assertArrayEquals(DoubleArray(5) { actual.getEntry(it, 0) }, points.xData, 0.0)
        assertArrayEquals(DoubleArray(5) { predicted.getEntry(it, 0) }, points.yData, 0.0)
        assertEquals("Predicted vs actual, test part (5 samples)", chart.title)
        assertEquals("actual Weight", chart.xAxisTitle)
        val line = chart.getSeries("y = x")
        val low = minOf(points.xData.min(), points.yData.min())
        val high = maxOf(points.xData.max(), points.yData.max())
        assertArrayEquals(doubleArrayOf(low, high), line.xData, 0.0)
        assertArrayEquals(doubleArrayOf(low, high), line.yData, 0.0)
        assertTrue(points.xData.all { it in 138.0..247.0 }, "linnerud weights in pounds: ${points.xData.toList()}")
        val residualChart = RegressionCharts.residuals("test", "Weight", actual, predicted, 0)
        assertEquals("Residuals, test part (5 samples)", residualChart.title)
        val residuals = residualChart.getSeries("test")
        assertArrayEquals(DoubleArray(5) { actual.getEntry(it, 0) - predicted.getEntry(it, 0) }, residuals.yData, 0.0)
    }

    @Test
    fun `the report of a run with scaled targets says its loss is on the scaled targets and the other metrics in the targets' units`() {
        val page = RunReport.html(record, mlpkit.app.ExpectationTable(emptyList()), emptyList(), emptyList(), "linnerud", "test")
        assertTrue(page.contains("<p>" + html(RunReport.SCALED_TARGETS_NOTE) + "</p>"), page)
        val unscaled = RunRecord.of(
            TrainingRun(
                experiment("linnerud-raw") {
                    data { linnerud(); split(test = 0.25, randomState = 0); scaling = standard }
                    network { dense(6, tanh); dense(3, identity) }
                    training { loss = mse; optimizer = adam(lr = 0.01); epochs = 2; batchSize = 5; seed = 2 }
                },
            ).fit(),
        )
        val raw = RunReport.html(unscaled, mlpkit.app.ExpectationTable(emptyList()), emptyList(), emptyList(), "linnerud-raw", "test")
        assertTrue(!raw.contains("scaled targets"), "no note without target scaling")
    }
}
