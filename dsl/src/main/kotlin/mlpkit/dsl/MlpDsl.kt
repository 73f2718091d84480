package mlpkit.dsl

/** Marks every builder receiver of the experiment DSL, so an inner block cannot reach an outer builder by accident. */
@DslMarker
annotation class MlpDsl
