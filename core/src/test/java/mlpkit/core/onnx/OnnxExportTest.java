package mlpkit.core.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mlpkit.core.activation.Activation;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Registry;
import mlpkit.core.distributed.ColumnAffine;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.MeanSquaredError;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import org.junit.jupiter.api.Test;

/**
 * Exported networks run in ONNX Runtime 1.29 (CPU) and give {@link Network#predict}'s outputs: to 1e−5 in float32
 * (inputs rounded to float32 for both) and to 1e−12 in float64, both relative to max(1, |output|). Every op the
 * float64 files use has an ONNX Runtime CPU kernel for doubles (Elu, Softplus and the fused z·σ(z) have none, so
 * those activations write other nodes in float64: see each activation's {@code toOnnx}).
 */
class OnnxExportTest {
    private static final double FLOAT32 = 1e-5;
    private static final double FLOAT64 = 1e-12;
    private static final int INPUTS = 4;

    @Test
    void everyRegisteredActivationWithBatchNormalisationAndDropoutGivesPredictsOutputsInOnnxRuntime() {
        List<String> activations = new ArrayList<>();
        for (Concept<Activation> concept : Registry.builtIns().of(Activation.KIND).all()) {
            activations.add(concept.create().notation());
        }
        activations.addAll(List.of("leakyRelu(0.2)", "elu(0.7)"));   // parameters other than the defaults
        for (String activation : activations) {
            Network network = network("network < dense(5, " + activation + "); batchNorm(eps=0.01); dropout(0.3); dense(3, "
                    + activation + ") >");
            assertAgrees(network, null, null, activation);
        }
        assertTrue(activations.size() >= 12, "the registry's activations: " + activations);
    }

    @Test
    void theInputScalingInFrontAndTheTargetScalingBehindAreInTheGraph() {
        Network network = network("network < dense(6, tanh); dense(2, identity) >");
        ColumnAffine input = new ColumnAffine(INPUTS, new double[] {1, -2, 0.5, 3}, new double[] {2, 0.25, 3, 7},
                new double[] {1.5, 1, 2, 0.5}, new double[] {-1, 0, 1, 2});
        ColumnAffine output = new ColumnAffine(2, null, null, new double[] {76.9, 0.01}, new double[] {152.1, -3});
        assertAgrees(network, input, output, "scalings");
    }

    @Test
    void anActivationOfTheUsersOwnIsRefusedNamingTheLayerAndItsNotation() {
        Activation cube = Activation.of("cube", z -> z * z * z, z -> 3 * z * z);
        Network network = Network.build(NetworkSpec.of(new Dense.Spec(5, network("network < dense(5, relu) >").spec()
                .outputActivation()), new Dense.Spec(3, cube)), INPUTS, new MeanSquaredError(), 1L);
        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.of(network, null, null, OnnxGraph.Precision.FLOAT32, Map.of()));
        assertEquals("layer 2 of 2 (dense(3, cube)) of 'network < dense(5, relu); dense(3, cube) >': the activation cube has "
                + "no ONNX form (its function is code, which an ONNX file cannot hold): export needs built-in activations "
                + "('mlp concepts' lists them): retrain with one", e.getMessage());
    }

    @Test
    void graphInputNamesAreColumnNamesMadeIdentifiersWithASuffixForAClash() {
        assertEquals(List.of("bill_length_mm", "body_mass__g_", "_2nd", "a_b", "a_b_2", "output_2"),
                OnnxGraph.identifiers(List.of("bill_length_mm", "body mass (g)", "2nd", "a-b", "a_b", "output"),
                        java.util.Set.of(OnnxExport.OUTPUT)));
        OnnxGraph graph = new OnnxGraph(OnnxGraph.Precision.FLOAT32);
        graph.input("island", OnnxProto.Tensor.STRING, 1);
        assertThrows(IllegalArgumentException.class, () -> graph.input("island", OnnxProto.Tensor.STRING, 1));
        assertThrows(IllegalArgumentException.class, () -> graph.input("body mass", graph.elementType(), 1));
    }

    @Test
    void aScalingOfTheWrongWidthIsRefused() {
        Network network = network("network < dense(2, relu) >");
        ColumnAffine three = new ColumnAffine(3, null, new double[] {1, 2, 3}, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.of(network, three, null, OnnxGraph.Precision.FLOAT64, Map.of()));
        assertEquals("the input scaling maps 3 columns but the network has 4 inputs", e.getMessage());
    }

    /** A network with its parameters and batch-normalisation state moved away from their initial values. */
    private static Network network(String notation) {
        Network network = Network.build(NetworkSpec.parse(notation), INPUTS, new MeanSquaredError(), 7L);
        double[] p = network.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * Math.sin(1.7 * i);
        }
        double[] s = network.state();      // at most one batchNorm: its moving means, then its moving variances (> 0)
        for (int i = 0; i < s.length / 2; i++) {
            s[i] = 0.2 * Math.cos(i);
            s[s.length / 2 + i] = 0.4 + 0.1 * i;
        }
        return network;
    }

    /** Both precisions against predict (the input map applied first, the output map last), on rows up to ±40. */
    private static void assertAgrees(Network network, ColumnAffine input, ColumnAffine output, String what) {
        Random random = new Random(3);
        double[][] rows = new double[24][INPUTS];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < INPUTS; j++) {
                rows[i][j] = random.nextGaussian() * (i < 20 ? 2 : 40);   // the last rows saturate every activation
            }
        }
        for (OnnxGraph.Precision precision : OnnxGraph.Precision.values()) {
            double[][] fed = precision == OnnxGraph.Precision.FLOAT32 ? OnnxRuntimeRun.roundedToFloat(rows) : rows;
            DenseMatrix x = DenseMatrix.of(fed);
            if (input != null) {
                input.applyInPlace(x, x.getRowDimension());
            }
            DenseMatrix expected = network.predict(x).copy();
            if (output != null) {
                output.applyInPlace(expected, expected.getRowDimension());
            }
            byte[] file = OnnxExport.of(network, input, output, precision, Map.of("k", "v"));
            double[][] actual = OnnxRuntimeRun.run(file, fed, precision, INPUTS, network.outputSize());
            OnnxRuntimeRun.assertClose(expected, actual, precision == OnnxGraph.Precision.FLOAT32 ? FLOAT32 : FLOAT64,
                    what + " in " + precision);
        }
    }
}
