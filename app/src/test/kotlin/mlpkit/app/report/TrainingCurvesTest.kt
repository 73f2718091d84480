package mlpkit.app.report

import java.util.concurrent.TimeUnit
import mlpkit.dsl.model.HistoryRow
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

class TrainingCurvesTest {
    private fun history(vararg losses: Double, accuracy: Double? = null) = losses.mapIndexed { i, loss ->
        HistoryRow(i + 1, 0.1, 1, buildMap { put("train_loss", loss); accuracy?.let { put("train_accuracy", it) } })
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    fun `a diverging loss that climbs through hundreds of decades is drawn as log10 of the loss, in time`() {
        // As a run with lr 1e9 records it: 0.5, then ×1e16 per epoch up to 4e296, then NaN (left out).
        val losses = DoubleArray(20) { if (it == 19) Double.NaN else 0.5 * Math.pow(10.0, 16.0 * it) }
        val chart = TrainingCurves.loss(history(*losses), "softmax-ce")!!
        assertEquals("log10 of loss (softmax-ce, mean per sample)", chart.yAxisTitle)
        val image = ChartStyle.render(chart)
        assertEquals(ChartStyle.WIDTH, image.width)
        assertEquals(19, chart.getSeries("training").yData.size, "the NaN epoch is left out")
        assertEquals(16.0 * 18 + Math.log10(0.5), chart.getSeries("training").yData.last(), 1e-9)
    }

    @Test
    fun `an ordinary loss keeps its own scale and a regression run has no accuracy curve`() {
        val chart = TrainingCurves.loss(history(0.7, 0.4, 0.3, 0.25), "bce")!!
        assertEquals("loss (bce, mean per sample)", chart.yAxisTitle)
        assertEquals(0.25, chart.getSeries("training").yData.last(), 0.0)
        assertNull(TrainingCurves.accuracy(history(0.7, 0.4)))
        assertEquals(listOf(0.9, 0.9), TrainingCurves.accuracy(history(0.7, 0.4, accuracy = 0.9))!!.getSeries("training").yData.toList())
    }
}
