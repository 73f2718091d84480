package mlpkit.spark.bench;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.Dataset;
import mlpkit.data.generators.MakeClassificationKt;
import mlpkit.data.idx.PixelScaling;
import mlpkit.data.store.DatasetFiles;
import mlpkit.data.store.DatasetStore;
import mlpkit.data.store.StoreEnvironment;

/**
 * A benchmark's data: train and test features (one row per sample) with class indices, and the network layer sizes
 * both trainers use (inputs, hidden…, classes).
 */
final class BenchData {
    final String name;
    final DenseMatrix trainX;
    final int[] trainLabels;
    final DenseMatrix testX;
    final int[] testLabels;
    final int classes;
    final int[] layers;

    private BenchData(String name, DenseMatrix trainX, int[] trainLabels, DenseMatrix testX, int[] testLabels, int classes, int... hidden) {
        this.name = name;
        this.trainX = trainX;
        this.trainLabels = trainLabels;
        this.testX = testX;
        this.testLabels = testLabels;
        this.classes = classes;
        this.layers = new int[hidden.length + 2];
        this.layers[0] = trainX.getColumnDimension();
        System.arraycopy(hidden, 0, this.layers, 1, hidden.length);
        this.layers[hidden.length + 1] = classes;
    }

    /**
     * E3's data (examples/e3.json): scikit-learn's make_classification(n_samples=5000, n_features=20,
     * n_informative=15, n_redundant=3, n_repeated=0, n_classes=2, flip_y=0.05, class_sep=1.0, shuffle=True,
     * random_state=42), the first 4000 rows to train and the last 1000 to test (test 0.2, no shuffle), features as
     * generated; the network 20-8-3-2.
     */
    static BenchData e3() {
        Dataset all = MakeClassificationKt.makeClassification(5000, 20, 15, 3, 0, 2, 2, null, 0.05, 1.0, true, 0.0, 1.0, true,
                Long.valueOf(42), null, null);
        DenseMatrix x = all.getFeatures().toMatrix();
        int[] labels = all.getClassLabels().getLabels();
        int train = 4000;
        int cols = x.getColumnDimension();
        double[] data = x.data();
        int at = x.offset();
        DenseMatrix trainX = new DenseMatrix(train, cols, java.util.Arrays.copyOfRange(data, at, at + train * cols));
        DenseMatrix testX = new DenseMatrix(5000 - train, cols, java.util.Arrays.copyOfRange(data, at + train * cols, at + 5000 * cols));
        return new BenchData("E3 (make_classification 4000 train / 1000 test, 20-8-3-2)", trainX,
                java.util.Arrays.copyOfRange(labels, 0, train), testX, java.util.Arrays.copyOfRange(labels, train, 5000), 2, 8, 3);
    }

    /**
     * MNIST's 60000 training and 10000 test images, pixels scaled to [0, 1], the network 784-128-10; null when the
     * IDX files are not on this machine (data's DatasetStore looks in $MLP_DATA_DIR/mnist, the user cache and the
     * system locations; nothing is downloaded).
     */
    static BenchData mnistIfPresent() {
        DatasetStore store = new DatasetStore(StoreEnvironment.Companion.ofThisProcess(), null);
        DatasetFiles mnist = DatasetFiles.Companion.getMNIST();
        if (store.find(mnist, true) == null || store.find(mnist, false) == null) {
            return null;
        }
        Dataset train = store.mnist(true, PixelScaling.UNIT.INSTANCE);
        Dataset test = store.mnist(false, PixelScaling.UNIT.INSTANCE);
        return new BenchData("MNIST (60000 train / 10000 test, 784-128-10)", train.getFeatures().toMatrix(),
                train.getClassLabels().getLabels(), test.getFeatures().toMatrix(), test.getClassLabels().getLabels(), 10, 128);
    }

    /** The one-hot rows of {@code labels} over {@link #classes} columns. */
    DenseMatrix oneHot(int[] labels) {
        double[] y = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            y[i * classes + labels[i]] = 1.0;
        }
        return new DenseMatrix(labels.length, classes, y);
    }
}
