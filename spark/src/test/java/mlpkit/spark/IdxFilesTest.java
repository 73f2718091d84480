package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import mlpkit.core.distributed.LoadedRows;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.ClassLabels;
import mlpkit.data.Dataset;
import mlpkit.data.idx.IdxArray;
import mlpkit.data.idx.IdxWriter;
import mlpkit.data.idx.ImageSetLoader;
import mlpkit.data.idx.PixelScaling;
import mlpkit.data.random.RandomState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX image and label files split by Spark read exactly as data's IDX loader reads them. */
class IdxFilesTest {
    private static final int IMAGES = 90;
    private static final int HEIGHT = 4;
    private static final int WIDTH = 5;
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Writes seeded images and labels 0..9 with data's IdxWriter; returns {images, labels}. */
    private static Path[] write(Path dir, boolean gzip) {
        RandomState random = new RandomState(51);
        byte[] pixels = new byte[IMAGES * HEIGHT * WIDTH];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.randint(0, 256);
        }
        byte[] labels = new byte[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = (byte) random.randint(0, 10);
        }
        String suffix = gzip ? ".gz" : "";
        Path images = dir.resolve("images-idx3-ubyte" + suffix);
        Path labelFile = dir.resolve("labels-idx1-ubyte" + suffix);
        IdxWriter.INSTANCE.write(IdxArray.Companion.ofUnsignedBytes(new int[] {IMAGES, HEIGHT, WIDTH}, pixels), images, gzip);
        IdxWriter.INSTANCE.write(IdxArray.Companion.ofUnsignedBytes(new int[] {IMAGES}, labels), labelFile, gzip);
        return new Path[] {images, labelFile};
    }

    private static void assertSameAsDataLoader(Path[] files, String pixels, PixelScaling scaling) {
        Dataset expected = ImageSetLoader.INSTANCE.load(files[0], files[1], DIGITS, scaling, "idx");
        DenseMatrix x = new DenseMatrix(IMAGES, HEIGHT * WIDTH);
        int[] all = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            all[i] = i;
        }
        expected.getFeatures().copyRows(all, 0, IMAGES, x);
        int[] labels = ((ClassLabels) expected.getTargets()).getLabels();
        RowSource source = RowSource.files("idx", "file://" + files[0]).withOption(RowSource.IDX_LABELS, files[1].toUri().toString())
                .withOption(RowSource.IDX_PIXELS, pixels);
        try (LoadedRows loaded = SparkFrames.load(TestSpark.session(), source, 3, 7)) {
            FrameRows got = FrameRows.collect(loaded.training());
            assertEquals(IMAGES, loaded.trainingRows());
            assertEquals(HEIGHT * WIDTH, loaded.inputs());
            assertEquals("pixel[19]", loaded.featureNames().get(19));
            double[] want = x.data();
            double[] have = got.x.data();
            assertEquals(want.length, have.length);
            for (int i = 0; i < want.length; i++) {
                assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(have[i]), "pixel value " + i + " (" + pixels + ")");
            }
            int classes = loaded.classNames().size();
            for (int i = 0; i < IMAGES; i++) {
                assertEquals(1.0, got.y.getEntry(i, labels[i]), "label of image " + i);
            }
            assertEquals(DIGITS.subList(0, classes), loaded.classNames());
        }
    }

    @Test
    void raw_idx_files_split_into_ranges_read_bit_for_bit_as_datas_loader_reads_them(@TempDir Path dir) {
        Path[] files = write(dir, false);
        assertSameAsDataLoader(files, "unit", PixelScaling.UNIT.INSTANCE);
        assertSameAsDataLoader(files, "symmetric", PixelScaling.SYMMETRIC.INSTANCE);
    }

    @Test
    void gzipped_idx_files_are_read_from_the_start_by_every_range_and_equal_datas_loader(@TempDir Path dir) {
        assertSameAsDataLoader(write(dir, true), "raw", PixelScaling.RAW.INSTANCE);
    }

    @Test
    void images_without_a_label_file_or_with_a_label_file_of_another_size_are_refused(@TempDir Path dir) {
        Path[] files = write(dir, false);
        IdxWriter.INSTANCE.write(IdxArray.Companion.ofUnsignedBytes(new int[] {3}, new byte[3]), dir.resolve("short"), false);
        RowSource images = RowSource.files("idx", files[0].toString());
        assertEquals("IDX images at " + files[0] + " need their label file: add the option 'labels' with its path",
                assertThrows(IllegalArgumentException.class, () -> SparkFrames.load(TestSpark.session(), images, 2, 8)).getMessage());
        assertEquals("image/label count mismatch: " + files[0] + " holds 90 images but " + dir.resolve("short") + " holds 3 labels: "
                        + "the two files must be from the same set and split",
                assertThrows(IllegalArgumentException.class, () -> SparkFrames.load(TestSpark.session(),
                        images.withOption(RowSource.IDX_LABELS, dir.resolve("short").toString()), 2, 8)).getMessage());
    }
}
