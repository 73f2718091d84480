package mlpkit.app.report

import java.awt.AWTError
import java.util.Locale
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import mlpkit.data.RegressionTargets
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.builtin.BuiltInSets
import mlpkit.dsl.model.Model
import mlpkit.dsl.spec.DataSource

/**
 * Draws the pictures of one run, each on its own: a picture that cannot be drawn (data no longer
 * found, a font missing on a stripped-down Java) is reported through [warn] and left out, and the others
 * are still drawn. Nothing here touches the model, history or metrics files, which are written before.
 */
internal class RunPictures(private val warn: (String) -> Unit) {
    /** The pictures of [record], drawn with [data] where a picture needs the samples, in report order. */
    fun draw(record: RunRecord, data: PictureData): List<Picture> {
        useHeadlessGraphics()
        val pictures = ArrayList<Picture>()
        fun add(file: String, draw: () -> Picture?) {
            attempt(file) { draw() }?.let(pictures::add)
        }
        val history = record.model.history
        add("loss.png") {
            TrainingCurves.loss(history, record.model.loss.notation())?.let {
                Picture.of("loss.png", "Loss per epoch", CURVE_NOTE, ChartStyle.render(it))
            }
        }
        add("accuracy.png") {
            TrainingCurves.accuracy(history)?.let { Picture.of("accuracy.png", "Accuracy per epoch", CURVE_NOTE, ChartStyle.render(it)) }
        }
        val predictions = if (record.model.targetEncoding == TargetEncoding.VALUES) null else attempt("roc.png and confusion.png") { heldOutPredictions(record, data) }
        if (predictions != null) {
            add("roc.png") {
                RocChart.of(predictions)?.let {
                    Picture.of(
                        "roc.png", "ROC curve",
                        "True against false positive rate as the threshold on the class-1 score moves, on the ${predictions.part} part " +
                            "(the test part when there is one, else validation, else training).",
                        ChartStyle.render(it),
                    )
                }
            }
            add("confusion.png") {
                Picture.of(
                    "confusion.png", "Confusion matrix",
                    "Rows: true class; columns: predicted class; ${predictions.part} part, ${predictions.size} samples. The diagonal holds the correct predictions.",
                    ChartStyle.renderWithRightMargin(ConfusionHeatMap.of(predictions), 24),
                )
            }
        }
        if (record.model.targetEncoding == TargetEncoding.VALUES) {
            val values = attempt("the regression pictures") { heldOutValues(record, data) }
            if (values != null) {
                val (part, actual, predicted) = values
                val outputs = actual.columnDimension
                for (c in 0 until outputs) {
                    val name = record.model.targetNames?.getOrNull(c) ?: if (outputs == 1) "target" else "output ${c + 1}"
                    val suffix = if (outputs == 1) "" else "-${c + 1}"
                    add("predicted-vs-actual$suffix.png") {
                        Picture.of(
                            "predicted-vs-actual$suffix.png", "Predicted vs actual: $name",
                            "Each dot a sample of the $part part, in the target's own units; on the dashed line y = x the prediction is exact.",
                            ChartStyle.render(RegressionCharts.predictedVsActual(part, name, actual, predicted, c)),
                        )
                    }
                    add("residuals$suffix.png") {
                        Picture.of(
                            "residuals$suffix.png", "Residuals: $name",
                            "Actual − predicted against predicted, $part part; a good fit scatters evenly around the dashed line at 0.",
                            ChartStyle.render(RegressionCharts.residuals(part, name, actual, predicted, c)),
                        )
                    }
                }
            }
        }
        if (record.model.inputSize == 2) {
            add("boundary.png") {
                val raw = data.raw
                val parts = listOfNotNull("train" to raw.train, raw.validation?.let { "validation" to it }, raw.test?.let { "test" to it })
                // The report shows what the run produced, a diverged run's model too (its report says it diverged).
                DecisionBoundary.draw(Model.of(record.model, record.registry, allowDiverged = true), parts)?.let {
                    Picture.of(
                        "boundary.png", "Decision regions",
                        "Background: the class the network predicts at each point, paler where it is less sure; dots: the samples " +
                            "(${parts.joinToString(", ") { (name, d) -> "${d.size} $name" }}) in their true class's colour. " +
                            "Axes in the data's own units.",
                        it.image,
                    )
                }
            }
        }
        if (isImageData(record.spec.data.source)) {
            add("weights.png") {
                val network = record.model.network("model", record.registry)
                // The first layer's weight matrix: one row per input pixel.
                val first = network.layout().tensors().firstOrNull { it.decayed() && it.rows() == network.inputSize() } ?: return@add null
                WeightTiles.draw(record.model.parameters, first.offset(), first.rows(), first.cols())?.let {
                    Picture.of(
                        "weights.png", "First layer weights",
                        String.format(
                            Locale.ROOT,
                            "Layer %d %s: the weights from every input pixel to each unit, as a %d × %d image. Red positive, blue negative; " +
                                "one colour scale for all tiles, ±%.3g (the 99th percentile of |w|).",
                            first.layerIndex(), first.layerNotation(), it.side, it.side, it.limit,
                        ),
                        it.image,
                    )
                }
            }
        }
        return pictures
    }

    /** The part the regression pictures use (test, else validation, else train): its name, actual targets and the model's predictions, raw units. */
    private fun heldOutValues(record: RunRecord, data: PictureData): Triple<String, DenseMatrix, DenseMatrix>? {
        val raw = data.raw
        val (part, dataset) = raw.test?.let { "test" to it } ?: raw.validation?.let { "validation" to it } ?: ("train" to raw.train)
        val actual = (dataset.targets as? RegressionTargets)?.values ?: return null
        val predicted = Model.of(record.model, record.registry, allowDiverged = true).predict(dataset.features.toMatrix())
        return Triple(part, actual, predicted)
    }

    /** The part the ROC curve and confusion matrix use: test, else validation, else train. */
    private fun heldOutPredictions(record: RunRecord, data: PictureData): PartPredictions? {
        val resolved = data.scaled
        val (part, dataset) = resolved.test?.let { "test" to it }
            ?: resolved.validation?.let { "validation" to it }
            ?: ("train" to resolved.train)
        return predictionsOf(record, part, dataset)
    }

    private fun predictionsOf(record: RunRecord, part: String, dataset: Dataset): PartPredictions? =
        PartPredictions.of(part, dataset, record.model.network("model", record.registry), record.model.targetEncoding)

    private fun <T> attempt(what: String, block: () -> T?): T? = guarded(warn, what, block)

    companion object {
        /**
         * [block], or null after [warn] says what could not be drawn. Errors of the graphics stack count
         * too (an [AWTError], or a missing native library, a [LinkageError]): a picture is never worth a run.
         */
        fun <T> guarded(warn: (String) -> Unit, what: String, block: () -> T?): T? = try {
            block()
        } catch (e: Exception) {
            warn("could not draw $what (${describe(e)})")
            null
        } catch (e: LinkageError) {
            warn("could not draw $what (${describe(e)})")
            null
        } catch (e: AWTError) {
            warn("could not draw $what (${describe(e)})")
            null
        }

        private fun describe(e: Throwable): String = e.message?.let { "${e.javaClass.simpleName}: $it" } ?: e.javaClass.name

        private const val CURVE_NOTE =
            "Training: the mean over each epoch's mini-batches while the weights were being updated. " +
                "Validation (when the run holds out a validation part): measured after each epoch, in inference mode."

        /** Image sets (built-in sets whose rows are images), and CSV files (which may hold pixels); generated sets are never images. */
        fun isImageData(source: DataSource): Boolean =
            (source is DataSource.BuiltIn && BuiltInSets.find(source.set)?.images == true) || source is DataSource.Idx || source is DataSource.Csv
    }
}

/** Java2D must never look for a display: pictures are drawn on servers and in CI. */
internal fun useHeadlessGraphics() {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true")
}
