package mlpkit.dsl.config

import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.core.limits.MachineLimits
import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.generators.GeneratorRegistry
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.SplitSpec

/**
 * What can be wrong with `data` without loading it: names of generators, parameters and sets, and the split (the
 * ranges of its numbers are declared on the spec classes and checked by [RangeChecks]).
 */
internal object DataChecks {
    private val dataPath = JsonPath.ROOT.key("data")
    private val sourcePath = dataPath.key("source")
    private val splitPath = dataPath.key("split")

    fun check(data: DataSpec, limits: MachineLimits, problems: Problems) {
        when (val source = data.source) {
            is DataSource.Generator -> generator(source, limits, problems)
            is DataSource.BuiltIn -> if (BuiltInSets.find(source.set) == null) {
                problems.add(
                    sourcePath.key("set"), "unknown built-in set", JsonText.oneOf(KnownNames.builtInSets),
                    JsonText.quoted(source.set), JsonText.suggestion(source.set, KnownNames.builtInSets),
                )
            }
            is DataSource.Csv -> if (source.train.isBlank()) {
                problems.add(sourcePath.key("train"), "no training file", "the path of a CSV file", JsonText.quoted(source.train))
            }
            is DataSource.Idx -> if ((source.testImages == null) != (source.testLabels == null)) {
                val (missing, given) = if (source.testImages == null) "testImages" to "testLabels" else "testLabels" to "testImages"
                problems.add(sourcePath.key(missing), "half a test pair", "$missing together with $given", "only $given")
            }
            is DataSource.Spark -> {} // EngineSourceChecks: its checks need the whole spec
        }
        split(data, problems)
        augment(data, problems)
    }

    private fun augment(data: DataSpec, problems: Problems) {
        val augment = data.augment ?: return
        val path = dataPath.key("augment")
        if (!isImageSet(data.source)) {
            problems.add(
                path, "augmentation shifts images", "an image set (mnist, fashion-mnist or idx files)",
                "a ${describeSource(data.source)} source", "; remove $.data.augment or train on images",
            )
        }
    }

    /** Whether [source] holds images (one row per image, with a height and width). */
    fun isImageSet(source: DataSource): Boolean = when (source) {
        is DataSource.Idx -> true
        is DataSource.Spark -> source.format == mlpkit.core.distributed.RowSource.IDX
        is DataSource.BuiltIn -> source.set in KnownNames.builtInImageSets
        else -> false
    }

    private fun describeSource(source: DataSource): String = when (source) {
        is DataSource.Generator -> "generator (${source.generator})"
        is DataSource.BuiltIn -> "built-in ${source.set}"
        is DataSource.Csv -> "csv"
        is DataSource.Idx -> "idx"
        is DataSource.Spark -> "spark (${source.format})"
    }

    /**
     * The generator's name, then each parameter against the generator's descriptor (name, syntax, range), then
     * the size it would make (`n_samples` × features) against the machine, all before anything is generated.
     */
    private fun generator(source: DataSource.Generator, limits: MachineLimits, problems: Problems) {
        val registry = GeneratorRegistry.standard
        val generator = registry.generators.firstOrNull { it.name == source.generator || it.shortName == source.generator }
        if (generator == null) {
            val names = registry.generators.map { it.name }
            problems.add(
                sourcePath.key("generator"), "unknown generator", JsonText.oneOf(names),
                JsonText.quoted(source.generator), JsonText.suggestion(source.generator, names),
            )
            return
        }
        val raw = generatorArguments(source.params)
        val found = generator.problems(raw)
        for (problem in found) {
            val path = sourcePath.key("params").key(problem.parameter)
            val names = generator.parameters.map { it.name }
            if (generator.parameters.none { it.name == problem.parameter.removePrefix("--").replace('-', '_') }) {
                val suggestion = JsonText.suggestion(problem.parameter, names)
                problems.add(path, "unknown parameter of ${generator.name}", JsonText.oneOf(names), JsonText.quoted(problem.parameter), suggestion)
            } else {
                // The problem reads "expected …, got 'raw'"; a config shows the value as JSON.
                val expected = problem.problem.substringAfter("expected ").substringBeforeLast(", got ")
                problems.add(path, "invalid value for ${generator.name}", expected, JsonText.describe(source.params[problem.parameter] ?: JsonNull))
            }
        }
        if (found.isNotEmpty()) return
        val (rows, features) = generator.claimedSize(raw)
        limits.dataProblem(rows, features)?.let { problems.add(sourcePath.key("params").key("n_samples"), it) }
    }

    /** A config's generator parameters as the registry's raw text: null is sklearn's None, lists are "1,2". */
    private fun generatorArguments(params: Map<String, JsonPrimitive>): Map<String, String> =
        params.mapValues { (_, value) -> if (value === JsonNull) "none" else value.content }

    private fun split(data: DataSpec, problems: Problems) {
        val split = data.split
        val sum = split.validation + split.test
        if (split.validation >= 0 && split.test >= 0 && split.validation < 1 && split.test < 1 && sum >= 1 - 1e-9) {
            problems.add(
                splitPath, "no rows left for training", "validation + test < 1",
                "${Problems.number(split.validation)} + ${Problems.number(split.test)} = ${Problems.number(sum)}",
            )
        }
        if (split.stratify && isRegression(data.source)) {
            problems.add(splitPath.key("stratify"), "a stratified split needs class labels", "false for regression targets", "true")
        }
        scikitLearnSplit(split, problems)
    }

    /**
     * `split.randomState` splits as scikit-learn's `train_test_split(shuffle=True)` does (data's `ShuffleSplit`),
     * which neither stratifies nor keeps the rows' order, with one of numpy's seeds.
     */
    private fun scikitLearnSplit(split: SplitSpec, problems: Problems) {
        val randomState = split.randomState ?: return
        val path = splitPath.key("randomState")
        val other = when {
            split.stratify -> "stratify" to "true"
            !split.shuffle -> "shuffle" to "false"
            else -> return
        }
        problems.add(
            path, "randomState splits as scikit-learn's train_test_split(shuffle=True), which neither stratifies nor keeps the order",
            "no randomState with split.${other.first} ${other.second}", "randomState $randomState with ${other.first} ${other.second}",
            "; remove randomState to ${if (other.first == "stratify") "stratify" else "keep the order"}, or remove ${other.first}",
        )
    }

    /** Whether [source] has regression targets as far as the configuration tells. */
    fun isRegression(source: DataSource): Boolean = when (source) {
        is DataSource.Csv -> source.regression
        is DataSource.Generator -> source.generator == "make_regression" || source.generator == "regression"
        else -> false
    }

    /** Whether [source] brings its own test rows (then `split.test` is not used). */
    fun hasOwnTestSet(source: DataSource): Boolean = when (source) {
        is DataSource.Csv -> source.test != null
        is DataSource.Idx -> source.testImages != null
        is DataSource.BuiltIn -> source.set in KnownNames.builtInSetsWithTestFiles
        is DataSource.Generator, is DataSource.Spark -> false
    }
}
