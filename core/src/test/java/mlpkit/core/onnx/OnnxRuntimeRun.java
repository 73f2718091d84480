package mlpkit.core.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mlpkit.core.matrix.DenseMatrix;

/**
 * Test helper (shared with the other modules' tests through core's test-jar): runs an exported ONNX file in ONNX
 * Runtime 1.29 (its Java API, CPU) after checking what the file declares, one input {@code input} and one output
 * {@code output}, both [batch, n] with {@code batch} a named dynamic dimension, in the file's precision.
 */
public final class OnnxRuntimeRun {
    private OnnxRuntimeRun() {
    }

    /** The outputs of {@code model} (ONNX bytes) for {@code rows}, after checking its declared input and output. */
    public static double[][] run(byte[] model, double[][] rows, OnnxGraph.Precision precision, int inputs, int outputs) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            OnnxJavaType type = precision == OnnxGraph.Precision.FLOAT32 ? OnnxJavaType.FLOAT : OnnxJavaType.DOUBLE;
            assertEquals(List.of(OnnxExport.INPUT), List.copyOf(session.getInputNames()), "declared inputs");
            assertEquals(List.of(OnnxExport.OUTPUT), List.copyOf(session.getOutputNames()), "declared outputs");
            assertDeclared((TensorInfo) session.getInputInfo().get(OnnxExport.INPUT).getInfo(), type, inputs);
            assertDeclared((TensorInfo) session.getOutputInfo().get(OnnxExport.OUTPUT).getInfo(), type, outputs);
            try (OnnxTensor x = precision == OnnxGraph.Precision.FLOAT32
                    ? OnnxTensor.createTensor(env, toFloats(rows)) : OnnxTensor.createTensor(env, rows);
                    OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, x))) {
                return doubles(result.get(0).getValue());
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime refused the file: " + e.getMessage(), e);
        }
    }

    /**
     * The outputs of {@code model} (a table model's ONNX bytes) for rows given per column: {@code columns} maps each
     * graph input, in the order the file must declare them, to its values, a {@code String[]} (a string input) or a
     * {@code double[]} (a number input, NaN for a missing value; fed as float32 or float64 by {@code precision}).
     * Checks first that the file declares exactly those inputs, each [batch, 1] of its type, and {@code output}
     * [batch, outputs].
     */
    public static double[][] runColumns(byte[] model, Map<String, Object> columns, OnnxGraph.Precision precision, int outputs) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OnnxJavaType number = precision == OnnxGraph.Precision.FLOAT32 ? OnnxJavaType.FLOAT : OnnxJavaType.DOUBLE;
        List<OnnxTensor> tensors = new ArrayList<>();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            assertEquals(List.copyOf(columns.keySet()), List.copyOf(session.getInputNames()), "declared inputs, in order");
            assertEquals(List.of(OnnxExport.OUTPUT), List.copyOf(session.getOutputNames()), "declared outputs");
            assertDeclared((TensorInfo) session.getOutputInfo().get(OnnxExport.OUTPUT).getInfo(), number, outputs);
            Map<String, OnnxTensor> feed = new LinkedHashMap<>();
            for (Map.Entry<String, Object> column : columns.entrySet()) {
                TensorInfo info = (TensorInfo) session.getInputInfo().get(column.getKey()).getInfo();
                OnnxTensor tensor;
                if (column.getValue() instanceof String[] texts) {
                    assertDeclared(info, OnnxJavaType.STRING, 1);
                    tensor = OnnxTensor.createTensor(env, texts, new long[] {texts.length, 1});
                } else {
                    double[] values = (double[]) column.getValue();
                    assertDeclared(info, number, 1);
                    tensor = precision == OnnxGraph.Precision.FLOAT32
                            ? OnnxTensor.createTensor(env, FloatBuffer.wrap(toFloats(new double[][] {values})[0]), new long[] {values.length, 1})
                            : OnnxTensor.createTensor(env, DoubleBuffer.wrap(values), new long[] {values.length, 1});
                }
                tensors.add(tensor);
                feed.put(column.getKey(), tensor);
            }
            try (OrtSession.Result result = session.run(feed)) {
                return doubles(result.get(0).getValue());
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime refused the file: " + e.getMessage(), e);
        } finally {
            tensors.forEach(OnnxTensor::close);
        }
    }

    /** The file's metadata_props as ONNX Runtime reads them. */
    public static Map<String, String> metadata(byte[] model) {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model, new OrtSession.SessionOptions())) {
            return session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime refused the file: " + e.getMessage(), e);
        }
    }

    /** {@code rows} with every value rounded to float32 (what a float32 file is fed), as doubles. */
    public static double[][] roundedToFloat(double[][] rows) {
        return doubles(toFloats(rows));
    }

    /**
     * Each ONNX output within {@code tolerance}·max(1, |expected|) of mlpkit's: absolute for outputs up to 1 in size
     * (probabilities, scaled values), relative beyond (a regression's values in the targets' units, 150 for diabetes,
     * where a float32 itself is only good to 1.5e−5).
     */
    public static void assertClose(DenseMatrix expected, double[][] actual, double tolerance, String what) {
        assertEquals(expected.getRowDimension(), actual.length, what + ": rows");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.getColumnDimension(), actual[i].length, what + ": columns");
            for (int j = 0; j < actual[i].length; j++) {
                double e = expected.getEntry(i, j);
                double bound = tolerance * Math.max(1.0, Math.abs(e));
                assertTrue(Math.abs(actual[i][j] - e) <= bound,
                        what + ": row " + i + ", column " + j + ": ONNX Runtime " + actual[i][j] + ", mlpkit " + e + " (bound " + bound + ")");
            }
        }
    }

    private static double[][] doubles(Object value) {
        if (value instanceof double[][] doubles) {
            return doubles;
        }
        float[][] floats = (float[][]) value;
        double[][] out = new double[floats.length][];
        for (int i = 0; i < floats.length; i++) {
            out[i] = new double[floats[i].length];
            for (int j = 0; j < floats[i].length; j++) {
                out[i][j] = floats[i][j];
            }
        }
        return out;
    }

    private static void assertDeclared(TensorInfo info, OnnxJavaType type, int columns) {
        assertEquals(type, info.type, "element type");
        assertArrayEquals(new long[] {-1, columns}, info.getShape(), "shape [batch, " + columns + "]");
        assertEquals(OnnxGraph.BATCH, info.getDimensionNames()[0], "the first dimension's name");
    }

    private static float[][] toFloats(double[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = (float) rows[i][j];
            }
        }
        return out;
    }
}
