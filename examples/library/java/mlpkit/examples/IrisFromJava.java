package mlpkit.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mlpkit.core.loss.SoftmaxCrossEntropy;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.optim.Adam;
import mlpkit.dsl.Experiments;
import mlpkit.dsl.model.Evaluation;
import mlpkit.dsl.model.Model;
import mlpkit.dsl.spec.BatchSizeSpec;
import mlpkit.dsl.spec.DataSource;
import mlpkit.dsl.spec.DataSpec;
import mlpkit.dsl.spec.ExperimentSpec;
import mlpkit.dsl.spec.Scaling;
import mlpkit.dsl.spec.SplitSpec;
import mlpkit.dsl.spec.TrainingSpec;
import mlpkit.dsl.train.TrainingResult;

/** Iris (built in, no download): train, print a metric and the summary, save, load, predict, evaluate. */
public final class IrisFromJava {
    public static void main(String[] args) throws Exception {
        ExperimentSpec spec = new ExperimentSpec("iris",
                new DataSpec(DataSource.builtIn("iris"),
                        new SplitSpec(0.0, 0.2, false, true, 42L),      // 20 % test rows, as train_test_split(random_state=42)
                        Scaling.STANDARD),                              // fitted on the training rows, stored in the model
                NetworkSpec.parse("network < dense(16, relu); dense(3, softmax) >"),
                TrainingSpec.builder()
                        .loss(new SoftmaxCrossEntropy())
                        .optimizer(Adam.CONCEPT.create(Map.of("lr", 0.01)))
                        .epochs(50)
                        .batchSize(BatchSizeSpec.rows(16))
                        .seed(0)
                        .build());
        TrainingResult result = Experiments.fit(spec);
        System.out.println("test accuracy: " + result.metric("test_accuracy"));

        Model model = result.getModel();
        System.out.print(model.summary());

        Path directory = Files.createTempDirectory("mlpkit-example");
        Path file = directory.resolve("iris-model.json");
        model.save(file);
        Model loaded = Model.load(file);

        DenseMatrix flowers = DenseMatrix.of(new double[][]{{5.1, 3.5, 1.4, 0.2}, {6.7, 3.0, 5.2, 2.3}});   // raw cm
        int[] classes = loaded.predictClasses(flowers);
        System.out.println("predicted: " + loaded.getClassNames().get(classes[0]) + ", " + loaded.getClassNames().get(classes[1]));
        Evaluation evaluation = loaded.evaluate(flowers, new int[]{0, 2});                            // setosa, virginica
        System.out.println("accuracy on the two flowers: " + evaluation.metric("accuracy"));

        Files.delete(file);
        Files.delete(directory);
    }
}
