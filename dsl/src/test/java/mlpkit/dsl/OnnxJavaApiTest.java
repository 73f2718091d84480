package mlpkit.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Softmax;
import mlpkit.core.layer.Dense;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.onnx.OnnxExportException;
import mlpkit.core.onnx.OnnxGraph;
import mlpkit.core.onnx.OnnxRuntimeRun;
import mlpkit.dsl.model.Model;
import mlpkit.dsl.spec.ExperimentSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Model.toOnnx} as a Java caller sees it: a path, and optionally the precision; refusals as exceptions. */
class OnnxJavaApiTest {
    private static final String MOONS = """
            {
              "name": "moons",
              "data": { "source": { "type": "generator", "generator": "make_moons",
                                    "params": { "n_samples": 100, "noise": 0.1, "random_state": 0 } },
                        "scaling": "minmax" },
              "network": "network < dense(10, elu(0.5)); dense(2, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.5 }, "epochs": 5,
                            "batchSize": "full", "seed": 0 }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aJavaCallerWritesAFloat32AndAFloat64FileThatOnnxRuntimeRunsToPredictsOutputs() throws IOException {
        Model model = Experiments.fit(Experiments.parse(MOONS, "moons.json")).getModel();
        double[][] rows = {{0.0, 1.0}, {2.0, -0.5}, {-1.0, 0.25}};
        Path float32 = dir.resolve("moons.onnx");
        Path float64 = dir.resolve("moons-double.onnx");
        model.toOnnx(float32);
        model.toOnnx(float64, OnnxGraph.Precision.FLOAT64);

        double[][] fed = OnnxRuntimeRun.roundedToFloat(rows);
        OnnxRuntimeRun.assertClose(model.predict(DenseMatrix.of(fed)),
                OnnxRuntimeRun.run(Files.readAllBytes(float32), fed, OnnxGraph.Precision.FLOAT32, 2, 2), 1e-5, "float32");
        OnnxRuntimeRun.assertClose(model.predict(DenseMatrix.of(rows)),
                OnnxRuntimeRun.run(Files.readAllBytes(float64), rows, OnnxGraph.Precision.FLOAT64, 2, 2), 1e-12, "float64");
    }

    @Test
    void aModelWithAnActivationOfTheUsersOwnIsRefusedNamingTheLayerAndNothingIsWritten() {
        ExperimentSpec moons = Experiments.parse(MOONS, "moons.json");
        Activation cube = Activation.of("cube", z -> z * z * z, z -> 3 * z * z);
        NetworkSpec network = NetworkSpec.of(new Dense.Spec(10, cube), new Dense.Spec(2, new Softmax()));
        Model model = Experiments.fit(new ExperimentSpec(moons.getName(), moons.getData(), network, moons.getTraining())).getModel();
        Path target = dir.resolve("cube.onnx");

        OnnxExportException e = assertThrows(OnnxExportException.class, () -> model.toOnnx(target));
        assertEquals("layer 1 of 2 (dense(10, cube)) of 'network < dense(10, cube); dense(2, softmax) >': the activation cube has "
                + "no ONNX form (its function is code, which an ONNX file cannot hold): export needs built-in activations "
                + "('mlp concepts' lists them): retrain with one", e.getMessage());
        assertFalse(Files.exists(target));
    }
}
