package mlpkit.dsl.model

import mlpkit.data.ClassLabels
import mlpkit.data.builtin.BuiltInSet
import mlpkit.data.builtin.BuiltInSets

/**
 * Every row of a built-in set shipped in the jar (`mlp data list`) as labelled rows for [Model.evaluate], read as a
 * run reads it: its raw features (the model scales them), or for a built-in table (penguins) its text columns through
 * the model's column pipeline; class labels numbered by the model's class names. The image sets of the data store have
 * no rows in the jar: evaluate on their IDX files. An unknown set, one whose width or classes are not the model's, is
 * an [IllegalArgumentException] that says what the model expects.
 */
internal object LabelledBuiltIn {
    /** The sets [read] reads: those shipped in the jar. */
    val names: List<String> get() = BuiltInSets.all.filter { !it.inStore }.map { it.name }

    fun read(model: Model, name: String): LabelledRows {
        val set = BuiltInSets.find(name)
            ?: throw IllegalArgumentException("there is no built-in set '$name': expected one of ${names.joinToString(", ")}")
        require(!set.inStore) {
            "'${set.name}' is an image set of the data store, not shipped in the jar: evaluate on its IDX files " +
                "(images, then --labels and the label file) as 'mlp data fetch ${set.name}' stored them"
        }
        val table = set.table
        if (table != null || model.readsTables) {
            require(table != null && model.readsTables) {
                if (table == null) "the model '${model.notation}' was trained on a table (a column pipeline), but '${set.name}' is a set of numbers: evaluate it on a table"
                else "'${set.name}' is a table of text columns, but the model '${model.notation}' was trained on numbers: evaluate it on numbers as it was trained"
            }
            return LabelledFile.tableRows(model, table.read(), table.label)
        }
        val dataset = set.load()
        require(dataset.features.cols == model.inputSize) {
            "'${set.name}' has ${dataset.features.cols} features, but the model '${model.notation}' takes ${model.inputSize}: " +
                "evaluate it on data with the features it was trained on"
        }
        val targets = dataset.targets
        return LabelledRows(dataset.features.toMatrix(), if (targets is ClassLabels) renumbered(targets, set, model) else targets)
    }

    /** [labels] numbered by the model's class names (an unknown class refused); as they are when the model has none. */
    private fun renumbered(labels: ClassLabels, set: BuiltInSet, model: Model): ClassLabels {
        val names = model.classNames ?: return labels
        val numbers = labels.classNames.map { name ->
            names.indexOf(name).also {
                require(it >= 0) { "'${set.name}' has the class '$name', which the model does not know (its classes: ${names.joinToString(", ")})" }
            }
        }
        return ClassLabels(IntArray(labels.size) { numbers[labels.labels[it]] }, names)
    }
}
