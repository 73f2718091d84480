package mlpkit.dsl.model

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.data.idx.IdxFormatException
import mlpkit.data.idx.IdxReader
import mlpkit.data.idx.ImageFeatures
import mlpkit.data.idx.ImageSetLoader
import mlpkit.data.idx.PixelScaling

/**
 * Reads an IDX image file and its IDX label file (MNIST's layout, raw or gzip) as labelled rows for [Model.evaluate]:
 * the pixels as raw values 0..255, which the model scales by its own input scaling (the one stored from training), and
 * the labels numbered as the model's classes (label v is class v, as the run that trained on IDX files numbered them).
 * Images of another size than the model's inputs, a label count other than the image count, or a label that is not
 * one of the model's classes is an [IllegalArgumentException] (an [IdxFormatException] for the files) naming the file.
 */
internal object LabelledImages {
    fun read(model: Model, images: Path, labels: Path): LabelledRows {
        for (file in listOf(images, labels)) {
            if (!Files.isRegularFile(file)) throw IdxFormatException(file.toString(), "no such file (looked for ${file.toAbsolutePath()}): check the path")
        }
        require(model.isClassifier) {
            "the model '${model.notation}' predicts real values, but an IDX label file holds classes: evaluate it on a CSV file of features and targets"
        }
        val imageArray = IdxReader.read(images)
        val features = ImageFeatures.of(imageArray, images.toString(), PixelScaling.RAW)
        require(features.cols == model.inputSize) {
            "$images holds images of ${features.height}×${features.width} = ${features.cols} pixels, but the model '${model.notation}' " +
                "takes ${model.inputSize} inputs: give images of the size it was trained on"
        }
        val classNames = model.classNames ?: List(if (model.outputSize == 1) 2 else model.outputSize) { it.toString() }
        val dataset = ImageSetLoader.pair(imageArray, images.toString(), IdxReader.read(labels), labels.toString(), classNames, PixelScaling.RAW, images.fileName.toString())
        return LabelledRows(dataset.features.toMatrix(), dataset.targets)
    }
}
