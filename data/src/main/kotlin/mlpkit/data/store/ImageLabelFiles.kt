package mlpkit.data.store

import java.nio.file.Path

/** The image file and label file of one split of a data set, as found or downloaded. */
data class ImageLabelFiles(val images: Path, val labels: Path)
