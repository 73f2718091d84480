package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.onnx.OnnxAttribute;
import mlpkit.core.onnx.OnnxGraph;

/**
 * softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z) over each row (subtracting the row maximum prevents
 * overflow). Not element-wise: backward applies the Jacobian J_kj = a_k(δ_kj − a_j) row by row,
 * dZ_k = a_k (dA_k − Σ_j dA_j a_j). Paired with softmax cross-entropy the loss fuses both into a − y instead.
 */
public record Softmax() implements Activation {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "softmax")
            .summary("e^z_k / Σ_j e^z_j over each row (one probability per class)")
            .build(Softmax.class);

    @Override
    public void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.requireSameShape(z, a);
        int rows = z.getRowDimension(), cols = z.getColumnDimension();
        double[] zd = z.data(), ad = a.data();
        for (int i = 0; i < rows; i++) {
            int zr = z.offset() + i * cols, ar = a.offset() + i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, zd[zr + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(zd[zr + j] - max);
                ad[ar + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < cols; j++) {
                ad[ar + j] *= inv;
            }
        }
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.requireSameShape(a, dA);
        Kernels.requireSameShape(a, dZ);
        int rows = a.getRowDimension(), cols = a.getColumnDimension();
        double[] ad = a.data(), gd = dA.data(), od = dZ.data();
        for (int i = 0; i < rows; i++) {
            int ar = a.offset() + i * cols, gr = dA.offset() + i * cols, orow = dZ.offset() + i * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += gd[gr + j] * ad[ar + j];
            }
            for (int j = 0; j < cols; j++) {
                od[orow + j] = ad[ar + j] * (gd[gr + j] - dot);
            }
        }
    }

    @Override
    public double minOutput() {
        return 0.0;
    }

    @Override
    public double maxOutput() {
        return 1.0;
    }

    @Override
    public String unitsProblem(int units) {
        return units >= 2 ? null : "softmax over one unit always outputs 1: give it at least 2 units, "
                + "or use dense(1, sigmoid) with bce for two classes";
    }

    /** ONNX's Softmax over axis 1, the columns of each row. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Softmax", List.of(z), OnnxAttribute.integer("axis", 1));
    }

    @Override
    public Concept<Activation> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
