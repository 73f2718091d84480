package mlpkit.data.idx

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import java.nio.file.Path

/**
 * Pairs an IDX image file with its IDX label file (MNIST's layout: images×height×width unsigned
 * bytes, and one unsigned-byte label per image) into a [Dataset] of [ImageFeatures] and
 * [ClassLabels].
 */
object ImageSetLoader {
    /**
     * Loads [images] and [labels] (raw or gzip). Every label must be a class index of [classNames]
     * (0..9 for MNIST-like sets); the set is called [name].
     */
    fun load(
        images: Path,
        labels: Path,
        classNames: List<String>,
        scaling: PixelScaling = PixelScaling.UNIT,
        name: String = images.fileName.toString(),
    ): Dataset = pair(
        IdxReader.read(images), images.toString(),
        IdxReader.read(labels), labels.toString(),
        classNames, scaling, name,
    )

    /** Pairs arrays already read; the sources name the files in errors. */
    fun pair(
        images: IdxArray,
        imagesSource: String,
        labels: IdxArray,
        labelsSource: String,
        classNames: List<String>,
        scaling: PixelScaling,
        name: String,
    ): Dataset {
        val features = ImageFeatures.of(images, imagesSource, scaling)
        if (labels.type != IdxType.UNSIGNED_BYTE || labels.dims.size != 1) {
            throw IdxFormatException(
                labelsSource,
                "expected labels as one dimension of ${IdxType.UNSIGNED_BYTE} values, but the file holds " +
                    "${labels.type} values shaped ${labels.shape()}: is this a label file?",
            )
        }
        if (labels.size == 0 || features.rows == 0) {
            val (empty, what) = if (labels.size == 0) labelsSource to "labels" else imagesSource to "images"
            throw IdxFormatException(
                empty,
                "the file holds no $what (its header declares 0 items): expected one label per image and at least one image; " +
                    "is the file complete?",
            )
        }
        if (labels.size != features.rows) {
            throw IdxFormatException(
                labelsSource,
                "image/label count mismatch: $imagesSource holds ${features.rows} images but this file holds " +
                    "${labels.size} labels: the two files must be from the same set and split (train with train, " +
                    "t10k with t10k)",
            )
        }
        val bytes = labels.bytes()
        val values = IntArray(bytes.size) { bytes[it].toInt() and 0xFF }
        val bad = values.indexOfFirst { it >= classNames.size }
        if (bad >= 0) {
            throw IdxFormatException(
                labelsSource,
                "label ${values[bad]} of sample $bad is outside 0..${classNames.size - 1} (${classNames.size} classes: " +
                    "${classNames.joinToString(", ")}): is this the label file of another data set?",
            )
        }
        return Dataset(name, features, ClassLabels(values, classNames))
    }
}
