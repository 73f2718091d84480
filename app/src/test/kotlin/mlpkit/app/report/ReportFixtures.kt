package mlpkit.app.report

import java.awt.image.BufferedImage
import java.nio.file.Path
import mlpkit.app.resolveData
import mlpkit.dsl.experiment
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun

/** One small trained classifier shared by the picture tests (trained once per test JVM, ~0.3 s). */
internal object ReportFixtures {
    /** Two moons with a held-out test part and standard scaling (so raw and scaled inputs differ). */
    val moonsSpec: ExperimentSpec = experiment("moons") {
        data { moons(samples = 120, noise = 0.1, randomState = 0); split(test = 0.25, stratify = true); scaling = standard }
        network { dense(10, relu, weights = heNormal); dense(2, softmax, weights = heNormal) }
        training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 200; batchSize = full; seed = 0 }
        expect { testAccuracy atLeast 0.9 article 0.95 }
    }.spec

    val moons: TrainingResult by lazy { TrainingRun.of(moonsSpec).fit() }

    fun resolve(spec: ExperimentSpec): ResolvedData = resolveData(spec, Path.of("experiment.json"), "test")

    /** How many different colours [image] uses (a blank or one-colour picture has 1). */
    fun distinctColours(image: BufferedImage): Int {
        val colours = HashSet<Int>()
        for (y in 0 until image.height step 2) for (x in 0 until image.width step 2) colours += image.getRGB(x, y) and 0xffffff
        return colours.size
    }
}
