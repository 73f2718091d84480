package mlpkit.examples

import java.nio.file.Files
import mlpkit.core.matrix.DenseMatrix
import mlpkit.dsl.Experiments
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model

/** Iris (built in, no download): train, print a metric and the summary, save, load, predict, evaluate. */
fun main() {
    val result = Experiments.fit(experiment("iris") {
        data { iris(); split(test = 0.2, randomState = 42); scaling = standard }
        network { dense(16, relu); dense(3, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.01); epochs = 50; batchSize = 16; seed = 0 }
        onEpochEnd { epoch -> if (epoch.epoch % 25 == 0) println("epoch ${epoch.epoch}: loss ${epoch.trainLoss}") }
    })
    println("test accuracy: ${result.metric("test_accuracy")}")

    val model = result.model
    print(model.summary())

    val directory = Files.createTempDirectory("mlpkit-example")
    val file = directory.resolve("iris-model.json")
    model.save(file)
    val loaded = Model.load(file)

    val flowers = DenseMatrix.of(arrayOf(doubleArrayOf(5.1, 3.5, 1.4, 0.2), doubleArrayOf(6.7, 3.0, 5.2, 2.3)))   // raw cm
    val classes = loaded.predictClasses(flowers)
    println("predicted: ${classes.joinToString(", ") { loaded.classNames!![it] }}")
    val evaluation = loaded.evaluate(flowers, intArrayOf(0, 2))                                                  // setosa, virginica
    println("accuracy on the two flowers: ${evaluation.metric("accuracy")}")

    Files.delete(file)
    Files.delete(directory)
}
