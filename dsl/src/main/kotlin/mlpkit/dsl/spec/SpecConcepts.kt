package mlpkit.dsl.spec

import mlpkit.core.concept.Concept
import mlpkit.core.concept.Conceptual
import mlpkit.core.concept.Param
import mlpkit.core.concept.Registry

/** The concepts an experiment uses, and the registry that reads everything it writes. */
object SpecConcepts {
    /** Every concept value in [spec]: its layers with their activations and initialisers, loss, optimiser, schedule. */
    fun valuesOf(spec: ExperimentSpec): List<Conceptual> {
        val values = mutableListOf<Conceptual>()
        fun walk(value: Conceptual) {
            values += value
            val concept = value.concept()
            val arguments = concept.argumentsOf(value)
            for (param in concept.params()) {
                if (param.type() == Param.Type.CONCEPT) walk(arguments.get(param.name()) as Conceptual)
            }
        }
        spec.network.layers().forEach(::walk)
        walk(spec.training.loss)
        walk(spec.training.optimizer)
        walk(spec.training.schedule)
        return values
    }

    /** The built-in registry with the concepts of [spec] that are not built in (a user's own). */
    @JvmStatic
    fun registryOf(spec: ExperimentSpec, base: Registry = Registry.builtIns()): Registry {
        val own = valuesOf(spec).map { it.concept() }.filterNot { base.contains(it) }.distinct()
        return if (own.isEmpty()) base else base.with(*own.toTypedArray<Concept<*>>())
    }
}
