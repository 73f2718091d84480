package mlpkit.dsl.train

import mlpkit.core.loss.WeightNormalization
import mlpkit.data.ClassLabels
import mlpkit.data.batch.BatchSize
import mlpkit.data.batch.MiniBatches
import mlpkit.data.split.RowOrder
import mlpkit.dsl.experiment
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.spec.ClassWeightSpec
import mlpkit.dsl.spec.ExperimentSpec
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `training.classWeight` on an imbalanced make_classification (weights 0.9, 0.1). */
class ClassWeightRunTest {
    private fun imbalanced(classWeight: ClassWeightSpec?, normalization: WeightNormalization = WeightNormalization.SUM_OF_WEIGHTS, optimiser: String = "sgd") =
        experiment("imbalanced") {
            data {
                generator("make_classification", "n_samples" to 600, "n_features" to 4, "n_informative" to 2, "n_redundant" to 0,
                    "weights" to doubleArrayOf(0.9, 0.1), "flip_y" to 0.0, "class_sep" to 0.5, "random_state" to 7)
                split(test = 0.3, stratify = true)
            }
            network { dense(8, tanh); dense(1, sigmoid) }
            training {
                loss = bce
                optimizer = if (optimiser == "sgd") sgd(lr = 0.1) else lbfgs()
                epochs = 40; batchSize = 32; seed = 3
                this.classWeight = classWeight
                weightNormalization = normalization
            }
        }.spec

    /** Recall of class 1 (the 10% class) on the test part. */
    private fun minorityRecall(spec: ExperimentSpec): Double {
        val result = TrainingRun.of(spec).fit()
        val streams = SeedStreams(spec.training.seed)
        val test = DataResolver().resolve(spec.data, streams.split(), streams.dataSeed).test!!
        val labels = (test.targets as ClassLabels).labels
        val epoch = MiniBatches(test, BatchSize.Full, RowOrder.AsGiven).epoch()
        epoch.next()
        val predicted = result.model.predictClasses(epoch.x)
        val minority = labels.indices.filter { labels[it] == 1 }
        return minority.count { predicted[it] == 1 }.toDouble() / minority.size
    }

    @Test
    fun `balanced class weights raise the minority class's recall against unweighted training with the same seed`() {
        val plain = minorityRecall(imbalanced(null))
        val balanced = minorityRecall(imbalanced(ClassWeightSpec.Balanced))
        assertEquals(0.0, plain, 1e-12)                     // none of the 18 minority test rows: all predicted class 0
        assertEquals(13.0 / 18, balanced, 1e-12)            // 13 of 18
    }

    @Test
    fun `balanced weights are scikit-learn's n_samples over n_classes times each class's count on the training rows`() {
        val spec = imbalanced(ClassWeightSpec.Balanced)
        val streams = SeedStreams(spec.training.seed)
        val train = DataResolver().resolve(spec.data, streams.split(), streams.dataSeed).train
        val counts = (train.targets as ClassLabels).counts()
        val weights = TrainingWeights.of(spec.training, train)
        assertEquals(420, train.size)
        assertEquals(420.0 / (2 * counts[0]), weights.perClass!!["0"]!!, 1e-15)
        assertEquals(420.0 / (2 * counts[1]), weights.perClass!!["1"]!!, 1e-15)
        // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0, 1], y=y) on 378 zeros and 42 ones
        assertArrayEquals(doubleArrayOf(0.5555555555555556, 5.0), doubleArrayOf(weights.perClass!!["0"]!!, weights.perClass!!["1"]!!), 1e-15)
    }

    @Test
    fun `class weights by name, with both normalisations and with lbfgs, change the run, and unknown names list the classes`() {
        val byName = ClassWeightSpec.Given(mapOf("1" to 5.0))
        val plain = TrainingRun.of(imbalanced(null)).fit().parameters()
        val sum = TrainingRun.of(imbalanced(byName)).fit().parameters()
        val rows = TrainingRun.of(imbalanced(byName, WeightNormalization.ROWS)).fit().parameters()
        assertNotEquals(plain.toList(), sum.toList())
        assertNotEquals(sum.toList(), rows.toList())
        val lbfgsPlain = TrainingRun.of(imbalanced(null, optimiser = "lbfgs")).fit().parameters()
        val lbfgsWeighted = TrainingRun.of(imbalanced(byName, optimiser = "lbfgs")).fit().parameters()
        assertNotEquals(lbfgsPlain.toList(), lbfgsWeighted.toList())
        val e = assertThrows<IllegalArgumentException> { TrainingRun.of(imbalanced(ClassWeightSpec.Given(mapOf("Adelie" to 2.0)))).fit() }
        assertTrue(e.message!!.contains("classWeight names 'Adelie', which the data has no class of: expected class names among '0', '1'"), e.message)
    }
}
