package mlpkit.spark;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import mlpkit.core.distributed.RowSource;
import mlpkit.data.idx.PixelScaling;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * An IDX image file (unsigned bytes, images × height × width or images × pixels) and its label file (one unsigned
 * byte per image), read by Spark: the driver reads the two headers, then each task reads its contiguous range of
 * images through Hadoop's {@link FileSystem} (so {@code file://}, {@code hdfs://} and any other Hadoop scheme work),
 * seeking to its first image. A gzip file (recognised by its first bytes 1f 8b, as data's IDX reader does) cannot be
 * sought in: each task then reads the stream from the start and skips the rows before its range, so every task
 * decompresses up to its range's end. Pixels are scaled as data's {@link PixelScaling} ({@value RowSource#IDX_PIXELS}
 * option: unit, symmetric or raw), labels are class numbers.
 */
final class IdxFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int UNSIGNED_BYTE = 0x08;

    private final String images;
    private final String labels;
    private final String pixelScaling;
    private final long rows;
    private final int pixels;
    private final long imageHeader;
    private final long labelHeader;
    private final boolean imagesGzipped;
    private final boolean labelsGzipped;

    private IdxFiles(String images, String labels, String pixelScaling, long rows, int pixels, long imageHeader, long labelHeader,
                     boolean imagesGzipped, boolean labelsGzipped) {
        this.images = images;
        this.labels = labels;
        this.pixelScaling = pixelScaling;
        this.rows = rows;
        this.pixels = pixels;
        this.imageHeader = imageHeader;
        this.labelHeader = labelHeader;
        this.imagesGzipped = imagesGzipped;
        this.labelsGzipped = labelsGzipped;
    }

    /** Reads and checks the headers of {@code source}'s image file and label file. */
    static IdxFiles open(SparkSession spark, RowSource source) {
        String labels = source.options().get(RowSource.IDX_LABELS);
        if (labels == null) {
            throw new IllegalArgumentException("IDX images at " + source.path() + " need their label file: add the option '"
                    + RowSource.IDX_LABELS + "' with its path");
        }
        String scaling = source.options().getOrDefault(RowSource.IDX_PIXELS, "unit");
        scaling(scaling);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        long[] image = header(conf, source.path(), new int[] {2, 3});
        long[] label = header(conf, labels, new int[] {1});
        long pixels = 1;
        for (int d = 3; d < image.length; d++) {
            pixels *= image[d];
        }
        if (image[2] != label[2]) {
            throw new IllegalArgumentException("image/label count mismatch: " + source.path() + " holds " + image[2] + " images but " + labels
                    + " holds " + label[2] + " labels: the two files must be from the same set and split");
        }
        if (image[2] == 0 || pixels == 0) {
            throw new IllegalArgumentException(source.path() + " holds no images (its header declares " + image[2] + " of " + pixels
                    + " pixels): expected at least one image; is the file complete?");
        }
        return new IdxFiles(source.path(), labels, scaling, image[2], (int) pixels, image[1], label[1], image[0] == 1, label[0] == 1);
    }

    /** {gzipped 0/1, header bytes, items, then the other dimensions} of the IDX file at {@code path}. */
    private static long[] header(Configuration conf, String path, int[] dimensions) {
        Path file = new Path(path);
        try (InputStream raw = file.getFileSystem(conf).open(file)) {
            BufferedInputStream buffered = new BufferedInputStream(raw);
            buffered.mark(2);
            boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(buffered) : buffered);
            int zero1 = in.read();
            int zero2 = in.read();
            int type = in.read();
            int count = in.read();
            if (zero1 != 0 || zero2 != 0 || count < 0) {
                throw new IllegalArgumentException(path + ": wrong magic number: an IDX file starts with two zero bytes, then the element type "
                        + "code and the number of dimensions (MNIST images: 00 00 08 03); this is not an IDX file");
            }
            boolean allowed = false;
            for (int d : dimensions) {
                allowed |= d == count;
            }
            if (type != UNSIGNED_BYTE || !allowed) {
                throw new IllegalArgumentException(path + ": expected unsigned bytes (type 0x08) in " + (dimensions.length == 1 ? "1 dimension (labels)"
                        : "2 or 3 dimensions (images)") + ", got type 0x" + String.format("%02X", type) + " in " + count + " dimensions: is this the right file?");
            }
            long[] out = new long[2 + count];
            out[0] = gzipped ? 1 : 0;
            out[1] = 4 + 4L * count;
            for (int d = 0; d < count; d++) {
                out[2 + d] = Integer.toUnsignedLong(in.readInt());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the IDX header of " + path + " (" + e + "): check the path and that the file is complete", e);
        }
    }

    private static PixelScaling scaling(String notation) {
        return switch (notation) {
            case "unit" -> PixelScaling.UNIT.INSTANCE;
            case "symmetric" -> PixelScaling.SYMMETRIC.INSTANCE;
            case "raw" -> PixelScaling.RAW.INSTANCE;
            default -> throw new IllegalArgumentException("unknown pixel scaling '" + notation + "' (option " + RowSource.IDX_PIXELS
                    + "): expected one of unit, symmetric, raw");
        };
    }

    /** The label file's path, naming it in messages. */
    String labelFile() {
        return labels;
    }

    /** {@code pixel[i]} for every pixel. */
    List<String> featureNames(int width) {
        List<String> names = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            names.add("pixel[" + i + "]");
        }
        return names;
    }

    /** The images as records, {@code partitions} contiguous ranges of image numbers, one task each. */
    JavaRDD<LoadRecord> records(SparkSession spark, int partitions) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HashMap<String, String> conf = new HashMap<>();
        for (Map.Entry<String, String> entry : spark.sparkContext().hadoopConfiguration()) {
            conf.put(entry.getKey(), entry.getValue());
        }
        Broadcast<HashMap<String, String>> shared = context.broadcast(conf);
        List<long[]> ranges = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            ranges.add(new long[] {p * rows / partitions, (p + 1) * rows / partitions});
        }
        return context.parallelize(ranges, partitions).mapPartitions(new Range(this, shared));
    }

    @Override
    public String toString() {
        return "IDX images " + images;
    }

    /** One task: the records of its range of images. */
    private static final class Range implements FlatMapFunction<Iterator<long[]>, LoadRecord> {
        private static final long serialVersionUID = 1L;
        private final IdxFiles files;
        private final Broadcast<HashMap<String, String>> conf;

        Range(IdxFiles files, Broadcast<HashMap<String, String>> conf) {
            this.files = files;
            this.conf = conf;
        }

        @Override
        public Iterator<LoadRecord> call(Iterator<long[]> ranges) throws IOException {
            if (!ranges.hasNext()) {
                return java.util.Collections.emptyIterator();
            }
            long[] range = ranges.next();
            Configuration configuration = new Configuration(false);
            conf.value().forEach(configuration::set);
            double[] table = new double[256];
            PixelScaling scaling = scaling(files.pixelScaling);
            for (int v = 0; v < 256; v++) {
                table[v] = scaling.scale(v);
            }
            DataInputStream images = open(configuration, files.images, files.imagesGzipped, files.imageHeader + range[0] * files.pixels);
            DataInputStream labels = open(configuration, files.labels, files.labelsGzipped, files.labelHeader + range[0]);
            return new Iterator<>() {
                private long next = range[0];
                private final byte[] bytes = new byte[files.pixels];

                @Override
                public boolean hasNext() {
                    return next < range[1];
                }

                @Override
                public LoadRecord next() {
                    if (next >= range[1]) {
                        throw new NoSuchElementException();
                    }
                    try {
                        images.readFully(bytes);
                        int label = labels.readUnsignedByte();
                        double[] x = new double[bytes.length];
                        for (int p = 0; p < x.length; p++) {
                            x[p] = table[bytes[p] & 0xFF];
                        }
                        LoadRecord record = new LoadRecord(next++, x, Integer.toString(label), null, 1, null);
                        if (next == range[1]) {
                            images.close();
                            labels.close();
                        }
                        return record;
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading image " + next + " of " + files.images + " failed (" + e.getMessage()
                                + "): the file is shorter than its header says or unreadable; copy it again", e);
                    }
                }
            };
        }

        private static DataInputStream open(Configuration conf, String path, boolean gzipped, long offset) throws IOException {
            Path file = new Path(path);
            FSDataInputStream in = file.getFileSystem(conf).open(file);
            if (gzipped) {
                InputStream stream = new GZIPInputStream(in, 1 << 16);
                stream.skipNBytes(offset);
                return new DataInputStream(new BufferedInputStream(stream, 1 << 16));
            }
            in.seek(offset);
            return new DataInputStream(new BufferedInputStream(in, 1 << 16));
        }
    }
}
