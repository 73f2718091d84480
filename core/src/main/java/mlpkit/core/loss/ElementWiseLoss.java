package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * A loss that is the mean over a sample's K outputs of one function of each output and its target:
 * ℓ = (1/K) Σ_k h(a_k, y_k), with ∂ℓ/∂a_k = h'(a_k, y_k) / K (Keras' convention for mean errors; with the
 * mean reduction over rows it equals PyTorch's mean over all elements). Real-valued targets.
 */
public interface ElementWiseLoss extends Loss {
    /** h(a, y) for one output a and its target y. */
    double value(double a, double y);

    /** ∂h/∂a. */
    double gradient(double a, double y);

    @Override
    default double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
        Kernels.requireSameShape(a, y);
        double[] ad = a.data(), yd = y.data();
        int ao = a.offset(), yo = y.offset(), n = a.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += value(ad[ao + i], yd[yo + i]);
        }
        return sum / a.getColumnDimension();
    }

    @Override
    default void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
        Kernels.requireSameShape(a, y);
        Kernels.requireSameShape(a, dA);
        double[] ad = a.data(), yd = y.data(), od = dA.data();
        int ao = a.offset(), yo = y.offset(), oo = dA.offset(), n = a.size();
        double s = scale / a.getColumnDimension();
        for (int i = 0; i < n; i++) {
            od[oo + i] = s * gradient(ad[ao + i], yd[yo + i]);
        }
    }

    @Override
    default Targets targets() {
        return Targets.VALUES;
    }
}
