package mlpkit.dsl.model

import mlpkit.core.network.ParameterLayout

/**
 * A NaN or an infinity found in a flat array laid out as [ParameterLayout] says (a network's parameters,
 * its layer state, or an optimiser array with one entry per parameter): its flat [index], its [value],
 * and [place], the tensor and entry that hold it, e.g. `layer 1 dense(4, tanh) W[6×4] entry (2, 3)`.
 * Entries are counted from 0, as layers are (row = input, column = unit for a weight matrix).
 */
internal class NonFiniteValue private constructor(val index: Int, val value: Double, val place: String) {
    companion object {
        /** The first non-finite value of [values] in layout order, or null when every value is finite. */
        fun firstIn(values: DoubleArray, layout: ParameterLayout): NonFiniteValue? {
            val index = values.indexOfFirst { !it.isFinite() }
            if (index < 0) return null
            val tensor = layout.tensorAt(index)
            val within = index - tensor.offset()
            return NonFiniteValue(index, values[index], "${tensor.label()} entry (${within / tensor.cols()}, ${within % tensor.cols()})")
        }
    }
}
