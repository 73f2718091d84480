package mlpkit.dsl.resolve

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.builtin.BuiltInTask
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.csv.CsvColumn
import mlpkit.data.csv.CsvHeaderSwitch
import mlpkit.data.csv.CsvLoader
import mlpkit.data.csv.CsvReadOptions
import mlpkit.data.csv.CsvTarget
import mlpkit.data.generators.GeneratorParameterException
import mlpkit.data.generators.GeneratorRegistry
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxReader
import mlpkit.data.idx.IdxType
import mlpkit.data.idx.ImageFeatures
import mlpkit.data.idx.ImageSetLoader
import mlpkit.data.idx.PixelScaling
import mlpkit.data.scaling.MinMaxScaler
import mlpkit.data.scaling.Scaler
import mlpkit.data.scaling.StandardScaler
import mlpkit.data.split.PartSizes
import mlpkit.data.split.RowOrder
import mlpkit.data.split.ShuffleSplit
import mlpkit.data.split.split
import mlpkit.data.store.DatasetStore
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.JsonPath
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.SplitSpec
import org.apache.commons.math3.random.RandomGenerator
import java.nio.file.Path

/**
 * Turns a [DataSpec] into the [ResolvedData] a run trains on: loads or generates the samples, splits
 * them, and fits the scaling on the training rows only.
 *
 * File paths in the spec are resolved against [baseDirectory] (the experiment file's directory). The
 * image sets come from [store], created only when one is asked for (so a run on generated data never
 * touches the network or the data directory); tests pass a store of their own.
 *
 * Scaling:
 * - `standard` / `minmax`: data's [StandardScaler] / [MinMaxScaler] (to [0, 1]) fitted on the training
 *   rows, applied to every part and stored with the model;
 * - `unit` / `symmetric`: pixel bytes 0..255 to [0, 1] / [−1, 1] through data's [PixelScaling]; only for
 *   image sets (mnist, fashion-mnist, IDX files). Other features are not pixel bytes (digits holds
 *   0..16), so dividing them by 255 would silently give a badly scaled set: that is an error that
 *   suggests `minmax`;
 * - `none`: the values as they are (image sets as raw 0..255).
 *
 * A generator that rejects its parameters is a [ConfigException] from [experimentFile] (the config or
 * script the spec came from) at `$.data.source.params.<name>`, or at `$.data.source.params` when it is a
 * combination of parameters that does not work.
 *
 * A CSV source's `header` follows data's `CsvHeaderRule` (not given: the first line is a header only
 * when none of its fields is a number); [csvHeaderSwitch] is how the experiment says `header` in its
 * messages: `header = true` for the DSL and code (the default), [JSON_CSV_HEADER] for a JSON config.
 */
class DataResolver(
    private val baseDirectory: Path = Path.of(""),
    private val store: () -> DatasetStore = { DatasetStore.forThisProcess() },
    private val generators: GeneratorRegistry = GeneratorRegistry.standard,
    private val experimentFile: String = "the experiment",
    private val csvHeaderSwitch: CsvHeaderSwitch = CsvHeaderSwitch.PARAMETER,
) {
    /**
     * The data of [spec]. [splitRandom] shuffles the split (when the spec shuffles);
     * [defaultRandomState] seeds a generator whose `random_state` the spec leaves out or sets to null.
     */
    fun resolve(spec: DataSpec, splitRandom: RandomGenerator, defaultRandomState: Long): ResolvedData {
        val loaded = load(spec.source, pixelScalingFor(spec.scaling), defaultRandomState)
        checkScalingFits(spec.scaling, loaded.main)

        val split = spec.split
        if (loaded.ownTest != null) {
            require(split.test == 0.0) {
                "${describe(spec.source)} brings its own test set, so split.test must be 0 (got ${split.test}): " +
                    "hold out training rows with split.validation instead"
            }
        }
        val parts = if (split.validation == 0.0 && split.test == 0.0) {
            null
        } else if (split.randomState != null) {
            checkScikitLearnSplit(split)
            loaded.main.split(ShuffleSplit.indices(loaded.main.size, split.test, split.validation, split.randomState, loaded.main.name))
        } else {
            val order = if (split.shuffle) RowOrder.Shuffled(splitRandom) else RowOrder.AsGiven
            loaded.main.split(PartSizes.Fractions(validation = split.validation, test = split.test), order, split.stratify)
        }
        val train = parts?.train ?: loaded.main
        val validation = parts?.validation
        val test = parts?.test ?: loaded.ownTest

        val scaler: Scaler? = when (spec.scaling) {
            Scaling.STANDARD -> StandardScaler.fit(train.features)
            Scaling.MIN_MAX -> MinMaxScaler.fit(train.features)
            Scaling.NONE, Scaling.UNIT, Scaling.SYMMETRIC -> null
        }
        val inputScaling: InputScaling? = when (spec.scaling) {
            Scaling.STANDARD, Scaling.MIN_MAX -> InputScaling.Fitted(scaler!!)
            Scaling.UNIT -> InputScaling.Pixels(PixelRange.UNIT)
            Scaling.SYMMETRIC -> InputScaling.Pixels(PixelRange.SYMMETRIC)
            Scaling.NONE -> null
        }
        fun scaled(dataset: Dataset?): Dataset? = if (dataset == null || scaler == null) dataset else scaler.transform(dataset)
        val targetScaler = TargetScalers.fit(spec.targetScaling, train)
        fun targetsScaled(dataset: Dataset?): Dataset? = if (dataset == null || targetScaler == null) dataset else TargetScalers.scaled(dataset, targetScaler)
        return ResolvedData(
            targetsScaled(scaled(train))!!, targetsScaled(scaled(validation)), targetsScaled(scaled(test)), inputScaling, parts?.indices,
            loaded.featureNames, targetScaler, loaded.targetNames,
        )
    }

    /** A scikit-learn split ([SplitSpec.randomState]) is a shuffled, unstratified one: refuses the other switches. */
    private fun checkScikitLearnSplit(split: SplitSpec) {
        require(!split.stratify && split.shuffle) {
            "split.randomState ${split.randomState} splits as scikit-learn's train_test_split(shuffle=True) does, which neither " +
                "stratifies nor keeps the order, but split.${if (split.stratify) "stratify is true" else "shuffle is false"}: " +
                "remove randomState to ${if (split.stratify) "stratify" else "keep the order"}, or remove ${if (split.stratify) "stratify" else "shuffle"}"
        }
    }

    /**
     * The samples of a source: its main (training) set, for sets that come with one its own test set, and
     * the names of the feature columns when the source has them (a CSV file with a header).
     */
    private class Loaded(val main: Dataset, val ownTest: Dataset?, val featureNames: List<String>? = null, val targetNames: List<String>? = null)

    private fun load(source: DataSource, pixels: PixelScaling, defaultRandomState: Long): Loaded = when (source) {
        is DataSource.Generator -> Loaded(generate(source, defaultRandomState), null)
        is DataSource.BuiltIn -> BuiltInSets.get(source.set).let { set ->
            when {
                !set.inStore -> Loaded(set.load(), null, set.featureNames, set.outputs.takeIf { set.task == BuiltInTask.REGRESSION })
                set.name == "mnist" -> store().let { Loaded(it.mnist(train = true, pixels), it.mnist(train = false, pixels)) }
                else -> store().let { Loaded(it.fashionMnist(train = true, pixels), it.fashionMnist(train = false, pixels)) }
            }
        }
        is DataSource.Csv -> loadCsv(source)
        is DataSource.Idx -> loadIdx(source, pixels)
    }

    private fun generate(source: DataSource.Generator, defaultRandomState: Long): Dataset {
        val params = JsonPath.ROOT.key("data").key("source").key("params")
        return try {
            generators.generate(source.generator, generatorArguments(source.params, defaultRandomState))
        } catch (e: GeneratorParameterException) {
            throw ConfigException(experimentFile, params.key(e.parameter).toString(), "${e.generator}: ${e.problem}")
        } catch (e: IllegalArgumentException) {
            // Combinations of parameters (n_informative + n_redundant > n_features, …): the message names them.
            throw ConfigException(experimentFile, params.toString(), e.message.orEmpty())
        }
    }

    private fun loadCsv(source: DataSource.Csv): Loaded {
        val column = source.label?.let { label -> label.toIntOrNull()?.let { CsvColumn.at(it) } ?: CsvColumn.named(label) }
            ?: CsvColumn.Last
        val target = if (source.regression) CsvTarget.Regression(listOf(column)) else CsvTarget.ClassLabel(column)
        val table = CsvLoader.read(path(source.train), CsvReadOptions(header = source.header, target = target, headerSwitch = csvHeaderSwitch))
        val train = table.dataset
        val test = source.test?.let { file ->
            // The test file's classes are numbered as the training file's, whatever order they occur in.
            val testTarget = (train.targets as? ClassLabels)?.let { CsvTarget.ClassLabel(column, it.classNames) } ?: target
            CsvLoader.read(path(file), CsvReadOptions(header = source.header, target = testTarget, headerSwitch = csvHeaderSwitch))
        }
        if (test != null) {
            require(test.dataset.features.cols == train.features.cols) {
                "${source.test} has ${test.dataset.features.cols} feature columns but ${source.train} has ${train.features.cols}: " +
                    "the test file must have the training file's columns"
            }
            val (trainNames, testNames) = table.featureNames to test.featureNames
            require(trainNames == null || testNames == null || trainNames == testNames) {
                "${source.test} has the feature columns ${testNames!!.joinToString(", ")} but ${source.train} has " +
                    "${trainNames!!.joinToString(", ")}: the test file must have the training file's columns, in the same order"
            }
        }
        // A regression CSV's target columns are named by its header, as a built-in regression set's outputs are.
        val loaded = Loaded(train, test?.dataset, table.featureNames, table.targetNames.takeIf { source.regression })
        return source.sampleWeight?.let { withSampleWeights(loaded, it, source.train) } ?: loaded
    }

    /**
     * [loaded] with the feature column named [column] taken out of the features and made the rows' sample weights
     * (of the training file, and of the test file when there is one: its rows are only evaluated, unweighted).
     */
    private fun withSampleWeights(loaded: Loaded, column: String, file: String): Loaded {
        val names = loaded.featureNames ?: throw IllegalArgumentException(
            "data.source.sampleWeight names the column '$column', but $file has no header line: add one, or leave sampleWeight out",
        )
        val at = names.indexOf(column)
        require(at >= 0) { "data.source.sampleWeight names the column '$column', which $file has not: expected one of ${names.joinToString(", ")}" }
        fun split(set: Dataset): Dataset {
            val all = set.features.toMatrix()
            val kept = DenseMatrix(all.rowDimension, all.columnDimension - 1)
            val weights = DoubleArray(all.rowDimension)
            for (r in 0 until all.rowDimension) {
                var c2 = 0
                for (c in 0 until all.columnDimension) {
                    if (c == at) weights[r] = all.getEntry(r, c) else kept.setEntry(r, c2++, all.getEntry(r, c))
                }
            }
            return Dataset(set.name, mlpkit.data.DenseFeatures(kept), set.targets, weights)
        }
        return Loaded(split(loaded.main), loaded.ownTest?.let { split(it).withWeights(null) }, names.filterIndexed { i, _ -> i != at }, loaded.targetNames)
    }

    private fun loadIdx(source: DataSource.Idx, pixels: PixelScaling): Loaded {
        require((source.testImages == null) == (source.testLabels == null)) {
            "an IDX test set needs both testImages and testLabels, got only " +
                if (source.testImages != null) "testImages" else "testLabels"
        }
        val trainLabels = IdxReader.read(path(source.trainLabels))
        val testLabels = source.testLabels?.let { IdxReader.read(path(it)) }
        // Class names 0..max over both label files, so train and test number their classes alike.
        val classCount = maxOf(maxLabel(trainLabels), testLabels?.let(::maxLabel) ?: 0) + 1
        val classNames = List(classCount) { it.toString() }
        fun pair(images: String, labels: IdxArray, labelFile: String): Dataset = ImageSetLoader.pair(
            IdxReader.read(path(images)), path(images).toString(), labels, path(labelFile).toString(),
            classNames, pixels, path(images).fileName.toString(),
        )
        val train = pair(source.trainImages, trainLabels, source.trainLabels)
        val test = if (testLabels != null) pair(source.testImages!!, testLabels, source.testLabels!!) else null
        return Loaded(train, test)
    }

    /** The largest label of an unsigned-byte label file (other types are reported by the image loader). */
    private fun maxLabel(labels: IdxArray): Int =
        if (labels.type != IdxType.UNSIGNED_BYTE) 0 else labels.bytes().maxOfOrNull { it.toInt() and 0xFF } ?: 0

    private fun path(file: String): Path = baseDirectory.resolve(file)

    private fun pixelScalingFor(scaling: Scaling): PixelScaling = when (scaling) {
        Scaling.UNIT -> PixelScaling.UNIT
        Scaling.SYMMETRIC -> PixelScaling.SYMMETRIC
        // Fitted scalers and "none" see the raw pixel values 0..255.
        Scaling.NONE, Scaling.STANDARD, Scaling.MIN_MAX -> PixelScaling.RAW
    }

    private fun checkScalingFits(scaling: Scaling, main: Dataset) {
        if (scaling != Scaling.UNIT && scaling != Scaling.SYMMETRIC) return
        require(main.features is ImageFeatures) {
            val name = if (scaling == Scaling.UNIT) "unit" else "symmetric"
            val range = if (scaling == Scaling.UNIT) "[0, 1]" else "[-1, 1]"
            "scaling '$name' maps image pixels 0..255 to $range and applies to image sets (mnist, fashion-mnist, IDX files), " +
                "but '${main.name}' is not an image set: use scaling 'minmax' (the training rows' range to [0, 1]) or 'standard'"
        }
    }

    private fun describe(source: DataSource): String = when (source) {
        is DataSource.Generator -> source.generator
        is DataSource.BuiltIn -> source.set
        is DataSource.Csv -> "the CSV source (${source.train}, test ${source.test})"
        is DataSource.Idx -> "the IDX source (test ${source.testImages})"
    }

    companion object {
        /** A JSON config's words for a CSV source's header setting, for the advice in CSV errors. */
        @JvmField
        val JSON_CSV_HEADER = CsvHeaderSwitch("\"header\": true", "\"header\": false")
    }
}
