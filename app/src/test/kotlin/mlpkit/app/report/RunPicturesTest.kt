package mlpkit.app.report

import java.io.ByteArrayInputStream
import javax.imageio.ImageIO
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class RunPicturesTest {
    private val record = RunRecord.of(ReportFixtures.moons)

    @Test
    fun `a binary two-input run gets loss, accuracy, ROC, confusion and decision pictures of the expected sizes, none blank`() {
        val warnings = ArrayList<String>()
        val pictures = RunPictures { warnings += it }.draw(record, PictureData(record.spec, null, ReportFixtures::resolve))
        assertEquals(emptyList<String>(), warnings)
        assertEquals(listOf("loss.png", "accuracy.png", "roc.png", "confusion.png", "boundary.png"), pictures.map { it.file })
        val sizes = pictures.associate { it.file to (it.width to it.height) }
        assertEquals(ChartStyle.WIDTH to ChartStyle.HEIGHT, sizes["loss.png"])
        assertEquals(ChartStyle.WIDTH to ChartStyle.HEIGHT, sizes["accuracy.png"])
        assertEquals(720 to 660, sizes["roc.png"])
        assertEquals(ChartStyle.WIDTH to 640, sizes["boundary.png"])
        for (picture in pictures) {
            val decoded = ImageIO.read(ByteArrayInputStream(picture.png))
            assertEquals(picture.width, decoded.width, picture.file)
            assertTrue(ReportFixtures.distinctColours(decoded) > 20, "${picture.file} has content")
        }
    }

    @Test
    fun `the ROC and confusion pictures use the test part and its numbers`() {
        val data = ReportFixtures.resolve(record.spec)
        val predictions = PartPredictions.of("test", data.test!!, record.model.network(), record.model.targetEncoding)!!
        assertEquals(30, predictions.size)
        // The same accuracy and AUC the training loop measured on the test part.
        assertEquals(ReportFixtures.moons.metric("test_accuracy"), predictions.accuracy, 1e-12)
        val auc = mlpkit.core.metrics.RocCurve.auc(predictions.labels, predictions.scores!!)
        assertEquals(ReportFixtures.moons.metric("test_auc"), auc, 1e-12)
        val chart = RocChart.of(predictions)!!
        assertTrue(chart.title.startsWith("ROC curve, test part (30 samples)"), chart.title)
        val legend = String.format(java.util.Locale.ROOT, "network (AUC = %.4f)", auc)
        assertTrue(chart.getSeries(legend) != null, "the legend names the AUC: $legend")
    }

    @Test
    fun `data that cannot be found again costs only the pictures that need it, with a warning each`() {
        val warnings = ArrayList<String>()
        val pictures = RunPictures { warnings += it }
            .draw(record, PictureData(record.spec, null) { throw IllegalArgumentException("moons.csv: no such file") })
        assertEquals(listOf("loss.png", "accuracy.png"), pictures.map { it.file })
        assertEquals(
            listOf(
                "could not draw roc.png and confusion.png (IllegalArgumentException: moons.csv: no such file)",
                "could not draw boundary.png (IllegalArgumentException: moons.csv: no such file)",
            ),
            warnings,
        )
    }
}
