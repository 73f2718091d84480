package mlpkit.estimator

import mlpkit.dsl.spec.ClassWeightSpec

/**
 * The parameters of [MlpClassifier] and [MlpRegressor], declared once, in scikit-learn 1.2.1's order of
 * `get_params()` (alphabetical), with its defaults and its `_parameter_constraints`. Kotlin properties,
 * constructor arguments, `set`, `getParams`, the error messages and docs/estimators.md's table all come from here.
 */
object MlpParams {
    /** `batch_size = 'auto'`: min(200, n_samples). */
    const val AUTO = "auto"

    /** scikit-learn's `batch_size` for 'auto' is at most this many rows. */
    const val AUTO_BATCH_LIMIT = 200

    /** How `n_iter_no_change = inf` is held (never exceeded by a count). */
    const val NO_LIMIT = Int.MAX_VALUE

    private fun real(name: String, default: Double, doc: String, constraint: Constraint<Double>) =
        EstimatorParam(name, default, doc, constraint, { it as Double })

    private fun integer(name: String, default: Int, doc: String) =
        EstimatorParam(name, default, doc, Constraint.integer(1), { (it as Long).coerceAtMost(Int.MAX_VALUE.toLong()).toInt() })

    private fun flag(name: String, default: Boolean, doc: String) = EstimatorParam(name, default, doc, Constraint.boolean, { it as Boolean })

    private inline fun <reified E : Enum<E>> choice(name: String, default: E, doc: String) =
        EstimatorParam(name, default, doc, Constraint.among(enumValues<E>().toList()), { it as E }, { it.name })

    val activation = choice("activation", HiddenActivation.relu, "activation of the hidden layers")
    val alpha = real("alpha", 1e-4, "strength of the L2 penalty on the weights", Constraint.real(0.0))
    val batchSize = EstimatorParam<Any>(
        "batch_size", AUTO, "rows per mini-batch ('auto': min(200, n_samples))",
        Constraint.literal(AUTO) or Constraint.integer(1).let { c -> Constraint<Any>(c.description) { c.accept(it) } },
        { if (it is Long) it.toInt() else it },
    )
    val beta1 = real("beta_1", 0.9, "adam's decay rate of the first moment", Constraint.real(0.0, 1.0))
    val beta2 = real("beta_2", 0.999, "adam's decay rate of the second moment", Constraint.real(0.0, 1.0))
    /**
     * mlpkit's extension (scikit-learn 1.2's MLPs have no `class_weight`): `"balanced"` (n_samples / (n_classes ·
     * count of the class) over the fit's y, as `sklearn.utils.class_weight.compute_class_weight`) or a map class →
     * weight (classes not named weigh 1); each row's weight is its class's times its sample weight.
     */
    val classWeight = EstimatorParam<ClassWeightSpec?>(
        "class_weight", null, "mlpkit's extension: weigh each class's rows ('balanced' or {class: weight}; classifier only)",
        Constraint.literal(ClassWeightSpec.Balanced.NAME) or
            Constraint<Any>("a dict of class to float in the range [0, inf)") { value -> classWeights(value) } or Constraint.none,
        { if (it == ClassWeightSpec.Balanced.NAME) ClassWeightSpec.Balanced else ClassWeightSpec.Given(@Suppress("UNCHECKED_CAST") (it as Map<String, Double>)) },
        { spec -> when (spec) { null -> null; ClassWeightSpec.Balanced -> ClassWeightSpec.Balanced.NAME; is ClassWeightSpec.Given -> LinkedHashMap(spec.weights) } },
    )
    val earlyStopping = flag("early_stopping", false, "stop on the validation score of a held-out validation_fraction of the rows")
    val epsilon = real("epsilon", 1e-8, "adam's numerical-stability ε", Constraint.real(0.0, lowClosed = false))
    val hiddenLayerSizes = EstimatorParam<List<Int>>(
        "hidden_layer_sizes", listOf(100), "units of each hidden layer",
        Constraint<Any>("an array-like") { arrayLike(it) } or
            Constraint.integer(1).let { c -> Constraint<Any>(c.description) { v -> c.accept(v)?.let { listOf(it) } } },
        { value -> (value as List<*>).map { (it as Long).toInt() } },
        { IntArray(it.size) { i -> it[i] } },
        { sizes -> if (sizes.isNotEmpty() && sizes.all { it > 0 }) null else "hidden_layer_sizes must be > 0, got $sizes." },
    )
    val learningRate = choice("learning_rate", LearningRateSchedule.constant, "sgd's learning-rate schedule")
    val learningRateInit = real("learning_rate_init", 1e-3, "the initial learning rate (sgd, adam)", Constraint.real(0.0, lowClosed = false))
    val maxFun = integer("max_fun", 15000, "lbfgs's largest number of loss evaluations")
    val maxIter = integer("max_iter", 200, "the largest number of epochs (lbfgs: iterations)")
    val momentum = real("momentum", 0.9, "sgd's momentum", Constraint.real(0.0, 1.0, highClosed = true))
    val nIterNoChange = EstimatorParam(
        "n_iter_no_change", 10, "epochs without an improvement by tol before stopping (sgd, adam)",
        Constraint.integer(1) or Constraint<Long>("a float among {inf}") { if (it == Double.POSITIVE_INFINITY) Long.MAX_VALUE else null },
        { (it as Long).coerceAtMost(NO_LIMIT.toLong()).toInt() },
        { if (it == NO_LIMIT) Double.POSITIVE_INFINITY else it },
    )
    val nesterovsMomentum = flag("nesterovs_momentum", true, "sgd's Nesterov momentum (when momentum > 0)")
    val powerT = real("power_t", 0.5, "the exponent of the invscaling learning rate", Constraint.real(0.0))
    val randomState = EstimatorParam<Long?>(
        "random_state", null, "seed of numpy's RandomState for the initial weights and the validation split (None: a fresh seed)",
        Constraint.integer(0, 4294967295L).let { c -> Constraint<Any>(c.description) { c.accept(it) } } or Constraint.none,
        { it as Long },
    )
    val shuffle = flag("shuffle", true, "shuffle the rows each epoch (sgd, adam)")
    val solver = choice("solver", Solver.adam, "the weight optimiser")
    val tol = real("tol", 1e-4, "the improvement of the loss or score below which an epoch counts as no change", Constraint.real(0.0))
    val validationFraction = real(
        "validation_fraction", 0.1, "the share of rows held out for early stopping", Constraint.real(0.0, 1.0),
    )
    val verbose = flag("verbose", false, "print progress (mlpkit keeps it as a parameter only)")
    val warmStart = flag("warm_start", false, "fit from the current weights instead of new ones")

    /** Every parameter, in `get_params()` order. */
    val all: List<EstimatorParam<*>> = listOf(
        activation, alpha, batchSize, beta1, beta2, classWeight, earlyStopping, epsilon, hiddenLayerSizes, learningRate, learningRateInit,
        maxFun, maxIter, momentum, nIterNoChange, nesterovsMomentum, powerT, randomState, shuffle, solver, tol,
        validationFraction, verbose, warmStart,
    )

    /** The parameters scikit-learn 1.2's MLPs do not have (mlpkit's extensions), left out of comparisons with its `get_params()`. */
    val extensions: Set<String> = setOf(classWeight.name)

    /** The parameters as the Markdown table of docs/estimators.md (a test holds the document to it). */
    fun markdownTable(): String = buildString {
        appendLine("| scikit-learn | Kotlin / Java | default | valid values | meaning |")
        appendLine("|---|---|---|---|---|")
        for (p in all) {
            @Suppress("UNCHECKED_CAST")
            val default = EstimatorParam.pythonRepr((p as EstimatorParam<Any?>).exported(p.default))
            appendLine("| `${p.name}` | `${p.camelName}` | `$default` | ${p.constraint.description} | ${p.doc} |")
        }
    }

    /** The parameter of scikit-learn name [name], or null. */
    fun named(name: String): EstimatorParam<*>? = all.firstOrNull { it.name == name }

    /** A map of class (a string or a whole number) → weight (a number) as a map of names to doubles, or null. */
    private fun classWeights(value: Any?): Map<String, Double>? {
        if (value !is Map<*, *>) return null
        return value.entries.associateTo(LinkedHashMap()) { (k, v) ->
            val name = when (k) { is String -> k; else -> Constraint.wholeNumber(k)?.toString() ?: return null }
            val weight = (v as? Number)?.toDouble()?.takeIf { it >= 0 && it.isFinite() } ?: return null
            name to weight
        }
    }

    /** A sequence of whole numbers (an `int[]`, `long[]`, a list or array of them) as a list of longs, or null. */
    private fun arrayLike(value: Any?): List<Long>? = when (value) {
        is IntArray -> value.map { it.toLong() }
        is LongArray -> value.toList()
        is Collection<*> -> value.map { Constraint.wholeNumber(it) ?: return null }
        is Array<*> -> value.map { Constraint.wholeNumber(it) ?: return null }
        else -> null
    }
}
