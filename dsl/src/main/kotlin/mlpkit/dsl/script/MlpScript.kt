package mlpkit.dsl.script

import kotlin.script.experimental.annotations.KotlinScript

/**
 * The script definition of experiment scripts, `*.mlp.kts`: Kotlin with the experiment DSL imported
 * (see [MlpScriptCompilationConfiguration]). A script's value is its last expression, which must be
 * the [mlpkit.dsl.Experiment] it describes:
 *
 * ```
 * experiment("moons") {
 *     data { moons(samples = 100, noise = 0.1, randomState = 0) }
 *     network { dense(10, relu, weights = heNormal); dense(2, softmax) }
 *     training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 300; batchSize = full }
 *     expect { trainAccuracy atLeast 0.97 }
 * }
 * ```
 *
 * The check that the value is an Experiment happens after evaluation, in the host (`mlpkit.app.script.ScriptHost`):
 * Kotlin scripting has no way to declare the type of a script's result, so a script that ends with
 * anything else compiles and fails with "the script must end with an experiment(...) { … } expression".
 */
@KotlinScript(
    displayName = "mlpkit experiment script",
    fileExtension = MlpScript.FILE_EXTENSION,
    compilationConfiguration = MlpScriptCompilationConfiguration::class,
)
abstract class MlpScript {
    companion object {
        /** Without the leading dot, as `@KotlinScript` wants it. */
        const val FILE_EXTENSION = "mlp.kts"
    }
}
