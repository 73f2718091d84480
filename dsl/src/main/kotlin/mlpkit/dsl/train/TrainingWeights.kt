package mlpkit.dsl.train

import mlpkit.core.loss.WeightNormalization
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.dsl.spec.TrainingSpec

/**
 * The weights a run trains with: each training row's weight w_i = (its class's weight, from `training.classWeight`)
 * × (its sample weight, when the data has them), or none when neither is given. [perClass] maps class names to
 * their weights (for the summary, metrics.json and the report); [normalization] is what a batch divides by.
 */
class TrainingWeights internal constructor(
    /** Each class's weight by name, or null without `classWeight`. */
    val perClass: Map<String, Double>?,
    /** Whether the data gave sample weights. */
    val sampleWeights: Boolean,
    /** What a weighted batch's loss divides by. */
    val normalization: WeightNormalization,
    /** Each training row's weight, or null for an unweighted run (and for rows an engine weighed on its workers). */
    internal val rows: DoubleArray?,
) {
    /** Whether the run is weighted at all. */
    val weighted: Boolean get() = perClass != null || sampleWeights

    /** One line for the summary: `class weights balanced {A: 0.6, B: 3.0}, normalised by sumOfWeights`. */
    fun describe(classWeight: Any?): String = buildList {
        if (perClass != null) add("class weights $classWeight " + perClass.entries.joinToString(", ", "{", "}") { "${it.key}: ${fmt(it.value)}" })
        if (sampleWeights) add("sample weights from the data")
    }.joinToString(" × ") + ", each batch's loss divided by " +
        (if (normalization == WeightNormalization.SUM_OF_WEIGHTS) "its sum of weights" else "its rows") + " (${normalization.notation()})"

    companion object {
        /** The weights of [training] on the training rows [train]. */
        fun of(training: TrainingSpec, train: Dataset): TrainingWeights {
            val classWeight = training.classWeight
            val perClass = classWeight?.let { spec ->
                val labels = train.targets as? ClassLabels
                    ?: throw IllegalArgumentException(
                        "training.classWeight weighs classes, but '${train.name}' has real-valued targets: remove classWeight, " +
                            "or give the rows sample weights (data.source.sampleWeight)",
                    )
                spec.perClass(labels)
            }
            val sample = train.weights
            val rows = when {
                perClass == null -> sample
                else -> {
                    val labels = (train.targets as ClassLabels).labels
                    DoubleArray(train.size) { i -> if (sample == null) perClass[labels[i]] else perClass[labels[i]] * sample[i] }
                }
            }
            val names = (train.targets as? ClassLabels)?.classNames
            return TrainingWeights(
                perClass?.let { w -> names!!.indices.associate { names[it] to w[it] } },
                sample != null, training.weightNormalization, rows,
            )
        }

        /**
         * The weights of [training] on rows an engine read and weighed itself: [classWeights] by class index of
         * [classNames] ([mlpkit.core.distributed.LoadedRows.classWeights], null without class weights) and whether the
         * rows had [sampleWeights]. The rows' weights stay on the workers.
         */
        fun ofEngine(training: TrainingSpec, classNames: List<String>?, classWeights: DoubleArray?, sampleWeights: Boolean): TrainingWeights =
            TrainingWeights(
                classWeights?.let { w -> classNames!!.indices.associate { classNames[it] to w[it] } },
                sampleWeights, training.weightNormalization, null,
            )

        private fun fmt(value: Double): String = "%.4g".format(java.util.Locale.ROOT, value)
    }
}
