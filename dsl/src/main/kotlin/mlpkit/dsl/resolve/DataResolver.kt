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
import mlpkit.data.split.DatasetSplit
import mlpkit.data.split.PartSizes
import mlpkit.data.split.RowOrder
import mlpkit.data.split.ShuffleSplit
import mlpkit.data.split.SplitIndices
import mlpkit.data.split.split
import mlpkit.data.split.stratificationLabels
import mlpkit.data.Targets
import mlpkit.data.split.subset
import mlpkit.data.split.splitIndices
import mlpkit.data.DenseFeatures
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.LabelColumn
import mlpkit.data.table.MissingValues
import mlpkit.data.table.TableReader
import mlpkit.data.table.RawTable
import mlpkit.dsl.spec.MissingTarget
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
    /** The directory relative data paths start from. */
    val baseDirectory: Path = Path.of(""),
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
        loadTable(spec.source)?.let { return resolveTable(spec, it, splitRandom) }
        val loaded = load(spec.source, pixelScalingFor(spec.scaling), defaultRandomState)
        checkScalingFits(spec.scaling, loaded.main)

        val parts = parts(spec, loaded, splitRandom)
        return fitted(spec, loaded, parts?.train ?: loaded.main, parts?.validation, parts?.test ?: loaded.ownTest, parts?.indices)
    }

    /**
     * The rows of [spec] that a cross-validation cuts into folds, loaded once: the source less the `split.test` part
     * (which [FoldData.fold] gives every fold as its test part); `split.validation` must be 0 (the folds are the
     * validation parts). Each fold's scaling is fitted on that fold's training rows only, in [fitted].
     */
    fun resolveForFolds(spec: DataSpec, splitRandom: RandomGenerator, defaultRandomState: Long): FoldData {
        require(spec.split.validation == 0.0) {
            "a cross-validated experiment's folds are its validation parts, so split.validation must be 0 (got ${spec.split.validation}): " +
                "remove split.validation"
        }
        loadTable(spec.source)?.let { return tableFolds(spec, it, splitRandom) }
        val loaded = load(spec.source, pixelScalingFor(spec.scaling), defaultRandomState)
        checkScalingFits(spec.scaling, loaded.main)
        val parts = parts(spec, loaded, splitRandom)
        val rows = parts?.train ?: loaded.main
        val rowsInSource = parts?.indices?.train ?: IntArray(rows.size) { it }
        val test = parts?.test ?: loaded.ownTest
        val testInSource = parts?.indices?.test ?: IntArray(0)
        return FoldData(rows.name, rows.targets, test?.size) { train, heldOut ->
            val indices = SplitIndices(IntArray(train.size) { rowsInSource[train[it]] }, IntArray(heldOut.size) { rowsInSource[heldOut[it]] }, testInSource)
            fitted(spec, loaded, rows.subset(train, "train"), rows.subset(heldOut, "validation"), test, indices)
        }
    }

    /** The split of the loaded rows into parts as [spec] asks, or null when it asks for none. */
    private fun parts(spec: DataSpec, loaded: Loaded, splitRandom: RandomGenerator): DatasetSplit? =
        splitIndicesOf(spec, loaded.main.targets, loaded.main.name, loaded.ownTest != null, splitRandom)?.let { loaded.main.split(it) }

    /**
     * The row indices of the parts [spec] asks for of the rows whose [targets] these are (a set [name], which brings
     * its own test set when [ownTest]), or null when it asks for none: scikit-learn's `train_test_split` rows with
     * `split.randomState`, else fractions in the given or a shuffled order, stratified when asked. One rule for
     * every source, tables included.
     */
    private fun splitIndicesOf(spec: DataSpec, targets: Targets, name: String, ownTest: Boolean, splitRandom: RandomGenerator): SplitIndices? {
        val split = spec.split
        if (ownTest) {
            require(split.test == 0.0) {
                "${describe(spec.source)} brings its own test set, so split.test must be 0 (got ${split.test}): " +
                    "hold out training rows with split.validation instead"
            }
        }
        return when {
            split.validation == 0.0 && split.test == 0.0 -> null
            split.randomState != null -> {
                checkScikitLearnSplit(split)
                ShuffleSplit.indices(targets.size, split.test, split.validation, split.randomState, name)
            }
            else -> splitIndices(
                targets.size, PartSizes.Fractions(validation = split.validation, test = split.test),
                if (split.shuffle) RowOrder.Shuffled(splitRandom) else RowOrder.AsGiven,
                if (split.stratify) stratificationLabels(targets, name, "split") else null, name,
            )
        }
    }

    /**
     * The parts ready for training: input and target scaling fitted on [train] only (the one place a run's scaling is
     * fitted, for a single run and for every fold of a cross-validation) and applied to every part.
     */
    private fun fitted(spec: DataSpec, loaded: Loaded, train: Dataset, validation: Dataset?, test: Dataset?, indices: SplitIndices?): ResolvedData {
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
            targetsScaled(scaled(train))!!, targetsScaled(scaled(validation)), targetsScaled(scaled(test)), inputScaling, indices,
            loaded.featureNames, targetScaler, loaded.targetNames,
        )
    }

    /**
     * The source as a table (a CSV source with columns, missing or missingTarget; a built-in table such as penguins),
     * read with its targets and nothing fitted; null for every other source.
     */
    fun loadTable(source: DataSource): LoadedTable? = when {
        source is DataSource.Csv && source.isTable -> loadCsvTable(source)
        source is DataSource.BuiltIn -> BuiltInSets.find(source.set)?.table?.let { builtIn ->
            val raw = builtIn.read()
            val targets = LabelColumn.read(raw, builtIn.label)
            val features = builtIn.featureColumns(raw)
            source.columns?.keys?.forEach { name ->
                if (name !in features) {
                    val why = if (name == builtIn.label) "'$name' is the label column of ${source.set}, not a feature" else "${source.set} has no column '$name'"
                    throw ConfigException(
                        experimentFile, JsonPath.ROOT.key("data").key("source").key("columns").key(name).toString(),
                        "$why; its feature columns are ${features.joinToString(", ") { "'$it'" }}",
                    )
                }
            }
            LoadedTable(
                source.set, raw.rows(targets.kept), targets.targets, features, builtIn.options + source.columns.orEmpty(), MissingValues(), null,
                listOfNotNull(targets.note(builtIn.label)), null,
            )
        }
        else -> null
    }

    private fun loadCsvTable(source: DataSource.Csv): LoadedTable {
        val sourcePath = JsonPath.ROOT.key("data").key("source")
        if (source.header == false) {
            throw ConfigException(experimentFile, sourcePath.key("header").toString(), "a table (columns, missing or missingTarget given) is read by column name, so its first line must be a header: remove \"header\": false")
        }
        val missing = source.missing?.let { MissingValues(it) } ?: MissingValues()
        val raw = TableReader.read(path(source.train))
        val label = source.label?.let { written ->
            written.toIntOrNull()?.let { index ->
                raw.names.getOrNull(if (index < 0) raw.names.size + index else index) ?: throw ConfigException(
                    experimentFile, sourcePath.key("label").toString(),
                    "column index $index is outside the ${raw.names.size} columns of ${source.train}: use 0..${raw.names.size - 1} or a name (${raw.names.joinToString(", ")})",
                )
            } ?: written.also {
                if (it !in raw.names) {
                    throw ConfigException(experimentFile, sourcePath.key("label").toString(), "no column '$it' in ${source.train}; the header has ${raw.names.joinToString(", ") { n -> "'$n'" }}")
                }
            }
        } ?: raw.names.last()
        source.sampleWeight?.let { column ->
            if (column !in raw.names || column == label) {
                throw ConfigException(
                    experimentFile, sourcePath.key("sampleWeight").toString(),
                    (if (column == label) "'$column' is the label column" else "no column '$column' in ${source.train}") +
                        "; expected one of ${raw.names.filter { it != label }.joinToString(", ") { "'$it'" }}",
                )
            }
        }
        val features = raw.names.filter { it != label && it != source.sampleWeight }
        source.columns?.keys?.forEach { name ->
            if (name !in features) {
                val why = if (name == label) "'$name' is the label column, not a feature" else "no column '$name' in ${source.train}"
                throw ConfigException(experimentFile, sourcePath.key("columns").key(name).toString(), "$why; the feature columns are ${features.joinToString(", ") { "'$it'" }}")
            }
        }
        val refuse = source.missingTarget == MissingTarget.REFUSE
        val targets = LabelColumn.read(raw, label, source.regression, missing, refuse)
        val test = source.test?.let { file ->
            val rawTest = TableReader.read(path(file))
            val classNames = (targets.targets as? ClassLabels)?.classNames
            val testTargets = LabelColumn.read(rawTest, label, source.regression, missing, refuse, classNames)
            LoadedTable.Part(rawTest.rows(testTargets.kept), testTargets.targets) to testTargets.note(label)?.let { "test file: $it" }
        }
        val kept = raw.rows(targets.kept)
        return LoadedTable(
            path(source.train).fileName.toString().removeSuffix(".gz").substringBeforeLast('.'), kept, targets.targets, features,
            source.columns.orEmpty(), missing, test?.first, listOfNotNull(targets.note(label), test?.second),
            listOf(label).takeIf { source.regression },
            source.sampleWeight?.let { tableWeights(kept, it, missing) },
        )
    }

    /**
     * The sample weights of a table's rows from its column [column]: each a number ≥ 0 (data's `Dataset` checks the
     * range); a missing or non-numeric weight is an error naming the file, line and column.
     */
    private fun tableWeights(table: RawTable, column: String, missing: MissingValues): DoubleArray {
        val at = table.column(column)
        return DoubleArray(table.rowCount) { r ->
            val text = table.field(r, at)
            val problem = when {
                missing.isMissing(text) -> "missing value '$text'"
                text.toDoubleOrNull() == null -> "'$text' is not a number"
                else -> null
            }
            if (problem != null) {
                throw ConfigException(
                    experimentFile, JsonPath.ROOT.key("data").key("source").key("sampleWeight").toString(),
                    "${table.source}:${table.line(r)}: column '$column' (the sample weights): $problem; expected a number ≥ 0 on every row",
                )
            }
            text.toDouble()
        }
    }

    /** A table's rows split as other sources' rows are, then [fitTable]. */
    private fun resolveTable(spec: DataSpec, table: LoadedTable, splitRandom: RandomGenerator): ResolvedData =
        fitTable(spec, table, splitIndicesOf(spec, table.targets, table.name, table.test != null, splitRandom))

    /**
     * A table's folds: the rows less the `split.test` part, each fold's column pipeline fitted by [fitTable] on that
     * fold's training rows only (its held-out rows are the validation part; the test part or file is every fold's test).
     */
    private fun tableFolds(spec: DataSpec, table: LoadedTable, splitRandom: RandomGenerator): FoldData {
        val indices = splitIndicesOf(spec, table.targets, table.name, table.test != null, splitRandom)
        val rowsInSource = indices?.train ?: IntArray(table.rows) { it }
        val testInSource = indices?.test ?: IntArray(0)
        val targets = if (indices == null) table.targets else table.targets.subset(rowsInSource)
        val testSize = indices?.test?.size ?: table.test?.table?.rowCount
        return FoldData(table.name, targets, testSize) { train, heldOut ->
            fitTable(spec, table, SplitIndices(IntArray(train.size) { rowsInSource[train[it]] }, IntArray(heldOut.size) { rowsInSource[heldOut[it]] }, testInSource))
        }
    }

    /**
     * The one place a table's column pipeline is fitted: on the rows [indices]`.train` of [table] (every row when
     * [indices] is null) — never on validation or test rows — then applied to every part (and to a test file).
     * Cross-validation calls it once per fold with that fold's rows. `data.scaling` (standard, minmax, none) is
     * the scaling of numeric columns that do not choose their own; the pipeline does all input scaling, so
     * [ResolvedData.inputScaling] is null and the pipeline goes into the model file.
     */
    fun fitTable(spec: DataSpec, table: LoadedTable, indices: SplitIndices?): ResolvedData {
        val scaling = when (spec.scaling) {
            Scaling.STANDARD -> ColumnScaling.STANDARD
            Scaling.MIN_MAX -> ColumnScaling.MIN_MAX
            Scaling.NONE -> ColumnScaling.NONE
            Scaling.UNIT, Scaling.SYMMETRIC -> throw IllegalArgumentException(
                "scaling '${if (spec.scaling == Scaling.UNIT) "unit" else "symmetric"}' maps image pixels and applies to image sets, but '${table.name}' " +
                    "is a table: use scaling 'standard' or 'minmax' (numeric columns, fitted on the training rows) or 'none'",
            )
        }
        val trainRows = indices?.train ?: IntArray(table.rows) { it }
        val pipeline = ColumnPipeline.fit(table.table, table.features, trainRows, table.options, scaling, table.missing)
        val main = Dataset(table.name, DenseFeatures(pipeline.transform(table.table)), table.targets, table.weights)
        val parts = indices?.let { main.split(it) }
        val train = parts?.train ?: main
        val test = parts?.test ?: table.test?.let { Dataset("${table.name} test", DenseFeatures(pipeline.transform(it.table)), it.targets) }
        val targetScaler = TargetScalers.fit(spec.targetScaling, train)
        fun targetsScaled(dataset: Dataset?): Dataset? = if (dataset == null || targetScaler == null) dataset else TargetScalers.scaled(dataset, targetScaler)
        return ResolvedData(
            targetsScaled(train)!!, targetsScaled(parts?.validation), targetsScaled(test), null, indices,
            pipeline.featureNames, targetScaler, table.targetNames, pipeline, table.notes,
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

    private fun load(source: DataSource, pixels: PixelScaling, defaultRandomState: Long): Loaded {
        if (source is DataSource.BuiltIn && source.columns != null) {
            throw ConfigException(
                experimentFile, JsonPath.ROOT.key("data").key("source").key("columns").toString(),
                "'${source.set}' is a set of numbers, not a table: columns apply to the built-in tables " +
                    "(${BuiltInSets.all.filter { it.table != null }.joinToString(", ") { it.name }}) and to CSV sources; remove columns",
            )
        }
        return loadSource(source, pixels, defaultRandomState)
    }

    private fun loadSource(source: DataSource, pixels: PixelScaling, defaultRandomState: Long): Loaded = when (source) {
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
        is DataSource.Spark -> throw IllegalArgumentException(
            "${describe(source)} is read by the cluster's engine on its workers, not loaded here: " +
                "add \"cluster\": {\"master\": \"local[2]\"} (or run with --spark local[2]), or use a csv or idx source to load the rows here",
        )
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
        is DataSource.Spark -> "the spark source (${source.format} at ${source.path})"
    }

    companion object {
        /** A JSON config's words for a CSV source's header setting, for the advice in CSV errors. */
        @JvmField
        val JSON_CSV_HEADER = CsvHeaderSwitch("\"header\": true", "\"header\": false")
    }
}
