package mlpkit.data.idx

import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class ImageSetLoaderTest {
    @TempDir
    lateinit var dir: Path

    private fun write(name: String, array: IdxArray, gzip: Boolean = true): Path =
        dir.resolve(name).also { IdxWriter.write(array, it, gzip) }

    @Test
    fun `an image file and a label file become a data set with class names and scaled rows`() {
        val images = write("train-images-idx3-ubyte.gz", TestImageSets.images(5, 2, 3))
        val labels = write("train-labels-idx1-ubyte", TestImageSets.labels(3, 1, 4, 1, 5), gzip = false)

        val set = ImageSetLoader.load(images, labels, ImageClassNames.DIGITS, PixelScaling.RAW, name = "tiny-train")

        assertEquals("tiny-train", set.name)
        assertEquals(5, set.size)
        assertEquals(6, set.features.cols)
        assertEquals("tiny-train: 5 samples × 6 features, 10 classes", set.toString())
        assertArrayEquals(intArrayOf(3, 1, 4, 1, 5), set.classLabels.labels)
        assertArrayEquals(intArrayOf(0, 2, 0, 1, 1, 1, 0, 0, 0, 0), set.classLabels.counts())
        // image 2: pixel p = 62 + 7p
        assertArrayEquals(doubleArrayOf(62.0, 69.0, 76.0, 83.0, 90.0, 97.0), set.features.row(2), 0.0)
    }

    @Test
    fun `Fashion-MNIST labels carry the ten clothing names`() {
        val set = ImageSetLoader.load(
            write("i", TestImageSets.images(2, 1, 1)), write("l", TestImageSets.labels(0, 9)),
            ImageClassNames.FASHION_MNIST,
        )

        assertEquals(
            listOf("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            set.classLabels.classNames,
        )
    }

    @Test
    fun `different image and label counts are an error naming both files`() {
        val images = write("images.gz", TestImageSets.images(3, 2, 2))
        val labels = write("labels.gz", TestImageSets.labels(1, 2))

        val error = assertThrows<IdxFormatException> { ImageSetLoader.load(images, labels, ImageClassNames.DIGITS) }

        assertEquals(
            "$labels: image/label count mismatch: $images holds 3 images but this file holds 2 labels: the two files " +
                "must be from the same set and split (train with train, t10k with t10k)",
            error.message,
        )
    }

    @Test
    fun `a label outside 0 to 9 is an error naming the sample`() {
        val images = write("images.gz", TestImageSets.images(3, 2, 2))
        val labels = write("labels.gz", TestImageSets.labels(1, 10, 2))

        val error = assertThrows<IdxFormatException> { ImageSetLoader.load(images, labels, ImageClassNames.DIGITS) }

        assertEquals(
            "$labels: label 10 of sample 1 is outside 0..9 (10 classes: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9): is this the " +
                "label file of another data set?",
            error.message,
        )
    }

    @Test
    fun `passing the image file as labels is caught by its shape`() {
        val images = write("images.gz", TestImageSets.images(3, 2, 2))

        val error = assertThrows<IdxFormatException> { ImageSetLoader.load(images, images, ImageClassNames.DIGITS) }

        assertEquals(
            "$images: expected labels as one dimension of unsigned byte (0x08) values, but the file holds unsigned " +
                "byte (0x08) values shaped 3×2×2: is this a label file?",
            error.message,
        )
    }
}
