package mlpkit.app.bench

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson

/**
 * The reference cases of issue 6, each the same network, data, batch, loss and update as
 * `bench/reference.py` runs in NumPy, so that the two timings can be set side by side.
 *
 * An epoch is one pass over the training rows plus, when the case holds out a validation part, one
 * inference pass over it (both sides do both); for C3 (full batch) an epoch is one iteration.
 */
enum class BenchCase(
    val key: String,
    val summary: String,
    /** Layer widths from the input to the output. */
    val widths: List<Int>,
    val defaultEpochs: Int,
    private val specJson: String,
) {
    C1(
        "c1", "Fashion-MNIST 784-128-128-128-10, relu/sigmoid, ½Σ(a−y)² mean, batch 64, SGD 0.2, 10 % validation",
        listOf(784, 128, 128, 128, 10), 5,
        """
        {"name": "bench-c1",
         "data": {"source": {"type": "builtin", "set": "fashion-mnist"}, "split": {"validation": 0.1}, "scaling": "symmetric"},
         "network": "network < dense(128, relu, weights=heNormal); dense(128, relu, weights=heNormal); dense(128, relu, weights=heNormal); dense(10, sigmoid, weights=heNormal) >",
         "training": {"loss": "half-sse", "reduction": "mean", "optimizer": {"type": "sgd", "lr": 0.2}, "batchSize": 64, "epochs": 1, "seed": 0}}
        """,
    ),
    C2(
        "c2", "digits 64-15-10, relu/sigmoid, ½Σ(a−y)² summed, batch 15, SGD 1e-3",
        listOf(64, 15, 10), 3000,
        """
        {"name": "bench-c2",
         "data": {"source": {"type": "builtin", "set": "digits"}},
         "network": "network < dense(15, relu, weights=lecunNormal); dense(10, sigmoid, weights=lecunNormal) >",
         "training": {"loss": "half-sse", "reduction": "sum", "optimizer": {"type": "sgd", "lr": 0.001}, "batchSize": 15, "epochs": 1, "seed": 0}}
        """,
    ),
    C3(
        "c3", "E3: make_classification 4000 × 20 (80 % of 5000), 20-8-3-1 sigmoid, BCE mean, full batch, SGD 1.0",
        // 30,000 iterations (about 8 s): with 8000 the median still held iterations run while C2 was compiling the
        // training step (0.28–0.42 ms in one sitting against 0.265–0.294 ms at 30,000, 2026-12-07, AMD EPYC).
        listOf(20, 8, 3, 1), 30_000,
        """
        {"name": "bench-c3",
         "data": {"source": {"type": "generator", "generator": "make_classification",
                             "params": {"n_samples": 5000, "n_features": 20, "n_informative": 15, "n_redundant": 3, "n_repeated": 0,
                                        "n_classes": 2, "flip_y": 0.05, "class_sep": 1.0, "shuffle": true, "random_state": 42}},
                  "split": {"test": 0.2, "shuffle": false}},
         "network": "network < dense(8, sigmoid, weights=normal(0.1), bias=weights); dense(3, sigmoid, weights=normal(0.1), bias=weights); dense(1, sigmoid, weights=normal(0.1), bias=weights) >",
         "training": {"loss": "bce", "optimizer": {"type": "sgd", "lr": 1.0}, "batchSize": "full", "epochs": 1, "seed": 0}}
        """,
    );

    /** The case's experiment for [epochs] epochs on [threads] kernel threads; C1 reads IDX files from [dataDir] when given. */
    fun spec(epochs: Int, threads: Int, dataDir: Path?): ExperimentSpec {
        val base = SpecJson.decode(specJson.trimIndent())
        val data = if (dataDir != null && this == C1) base.data.copy(source = idxFilesIn(dataDir)) else base.data
        return base.copy(data = data, training = base.training.copy(epochs = epochs, threads = threads))
    }

    /** Multiply-adds × 2 of one training row: forward, weight gradient, and input gradient below the top layer. */
    fun trainingFlopsPerRow(): Double = widths.zipWithNext().withIndex().sumOf { (layer, shape) ->
        val product = 2.0 * shape.first * shape.second
        product * (if (layer == 0) 2 else 3)
    }

    /** Multiply-adds × 2 of one inference row (the validation pass). */
    fun inferenceFlopsPerRow(): Double = widths.zipWithNext().sumOf { (n, m) -> 2.0 * n * m }

    companion object {
        fun byKey(key: String): BenchCase? = entries.firstOrNull { it.key == key.lowercase() }

        /** train/t10k IDX files (gzipped or not) in [dir], as MNIST and Fashion-MNIST ship them. */
        fun idxFilesIn(dir: Path): DataSource.Idx {
            fun find(stem: String): String {
                val candidates = listOf("$stem.gz", stem).map { dir.resolve(it) }
                return (candidates.firstOrNull { Files.isRegularFile(it) } ?: throw IllegalArgumentException(
                    "--data-dir $dir has no $stem or $stem.gz: expected the four IDX files of MNIST or Fashion-MNIST " +
                        "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)",
                )).toAbsolutePath().toString()
            }
            return DataSource.Idx(
                find("train-images-idx3-ubyte"), find("train-labels-idx1-ubyte"),
                find("t10k-images-idx3-ubyte"), find("t10k-labels-idx1-ubyte"),
            )
        }
    }
}
