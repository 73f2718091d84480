package mlpkit.dsl.script

import kotlin.script.experimental.api.ScriptAcceptedLocation
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.acceptedLocations
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.ide
import kotlin.script.experimental.jvm.dependenciesFromCurrentContext
import kotlin.script.experimental.jvm.jvm

/**
 * How `*.mlp.kts` scripts are compiled: the DSL needs no imports, and the script sees the whole
 * classpath of the program that runs it.
 */
object MlpScriptCompilationConfiguration : ScriptCompilationConfiguration({
    // Only the DSL's package: activations, initialisers, losses and optimisers are members of the
    // builder receivers (LayerVocabulary, TrainingBuilder, ...), so they need no import and cannot clash.
    defaultImports("mlpkit.dsl.*")
    jvm {
        // wholeClasspath, not a list of jar names: inside the shaded mlp.jar there are no separate
        // "dsl" or "kotlin-stdlib" jars to find by name (that variant fails with ClasspathExtractionException).
        dependenciesFromCurrentContext(wholeClasspath = true)
    }
    ide {
        acceptedLocations(ScriptAcceptedLocation.Everywhere)
    }
}) {
    // An object that is Serializable (through ScriptCompilationConfiguration) must resolve to the same instance.
    private fun readResolve(): Any = MlpScriptCompilationConfiguration
}
