package mlpkit.data.csv

import mlpkit.data.ClassLabels
import kotlin.math.floor

/**
 * Collects the label column of a CSV file while it is read (each distinct text once, with the line
 * it first appears on for error messages) and turns it into [ClassLabels] at the end, when the whole
 * set of labels is known (see [CsvTarget.ClassLabel] for the numbering rules).
 */
internal class ClassLabelColumn(private val source: String, private val column: String) {
    private val idOf = HashMap<String, Int>()
    private val texts = ArrayList<String>()
    private val firstLines = ArrayList<Long>()
    private var ids = IntArray(INITIAL_CAPACITY)
    private var size = 0

    fun add(text: String, line: Long) {
        if (text.isEmpty()) {
            throw CsvFormatException("$source:$line: $column: expected a class label, got an empty field", source, line)
        }
        val id = idOf.getOrPut(text) {
            texts += text
            firstLines += line
            texts.size - 1
        }
        if (size == ids.size) ids = ids.copyOf(ids.size * 2)
        ids[size++] = id
    }

    fun toClassLabels(classNames: List<String>?): ClassLabels {
        val labelOfText: IntArray
        val names: List<String>
        if (classNames != null) {
            val position = classNames.withIndex().associate { it.value to it.index }
            labelOfText = IntArray(texts.size) { t ->
                position[texts[t]] ?: fail(t, "class '${texts[t]}' is not one of the given class names ${classNames.joinToString(", ", "[", "]")}: add it or correct the label")
            }
            names = classNames
        } else {
            val numbers = texts.map { parseDecimalOrNull(it) }
            if (numbers.all { it != null }) {
                val values = numbers.map { it!! }
                val fractional = values.indexOfFirst { floor(it) != it || it > Int.MAX_VALUE || it < Int.MIN_VALUE }
                if (fractional >= 0) {
                    fail(fractional, "class labels must be whole numbers or names, got '${texts[fractional]}': " +
                        "to read real-valued targets use CsvTarget.Regression")
                }
                if (values.all { it >= 0.0 }) {
                    val largest = values.indices.maxBy { values[it] }
                    if (values[largest] >= MAX_CLASSES) {
                        fail(largest, "label ${texts[largest]} would make ${values[largest].toLong() + 1} classes " +
                            "(labels are used as class numbers); is this the label column? At most $MAX_CLASSES classes are supported")
                    }
                    labelOfText = IntArray(texts.size) { values[it].toInt() }
                    names = List(values[largest].toInt() + 1) { it.toString() }
                } else {
                    val distinct = values.map { it.toLong() }.distinct().sorted()
                    val rank = distinct.withIndex().associate { it.value to it.index }
                    labelOfText = IntArray(texts.size) { rank.getValue(values[it].toLong()) }
                    names = distinct.map { it.toString() }
                }
            } else {
                names = texts.sorted()
                val rank = names.withIndex().associate { it.value to it.index }
                labelOfText = IntArray(texts.size) { rank.getValue(texts[it]) }
            }
        }
        return ClassLabels(IntArray(size) { labelOfText[ids[it]] }, names)
    }

    private fun fail(text: Int, problem: String): Nothing {
        val line = firstLines[text]
        throw CsvFormatException("$source:$line: $column: $problem", source, line)
    }

    private companion object {
        const val INITIAL_CAPACITY = 1024
        const val MAX_CLASSES = 65_536
    }
}
