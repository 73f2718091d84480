package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * An activation applied entry by entry: {@link #value} a = f(z) and {@link #derivative} f'(z). The batch
 * methods loop over the entries ({@link #mapEntries} for the forward pass, which a layer's product can also apply
 * to each block of rows as it finishes them); an activation that registers a vector fast path overrides them and
 * runs its scalar maths on the entries the fast path leaves.
 */
public interface ElementWise extends Activation, Kernels.EntryMap {
    /** f(z). */
    double value(double z);

    /** f'(z), given z and a = f(z) (whichever gives the derivative more cheaply or accurately). */
    double derivative(double z, double a);

    /** dA·f'(z) for one entry; an activation overrides it only to keep its fast path's order of operations. */
    default double chain(double dA, double z, double a) {
        return dA * derivative(z, a);
    }

    @Override
    default void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.requireSameShape(z, a);
        mapEntries(z.data(), z.offset(), a.data(), a.offset(), z.size());
    }

    /** a = f(z) for {@code count} entries, z from {@code zo}, a from {@code ao}. */
    @Override
    default void mapEntries(double[] z, int zo, double[] a, int ao, int count) {
        for (int i = 0; i < count; i++) {
            a[ao + i] = value(z[zo + i]);
        }
    }

    @Override
    default void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.requireSameShape(z, a);
        Kernels.requireSameShape(z, dA);
        Kernels.requireSameShape(z, dZ);
        double[] zd = z.data(), ad = a.data(), gd = dA.data(), od = dZ.data();
        int zo = z.offset(), ao = a.offset(), go = dA.offset(), oo = dZ.offset(), n = z.size();
        for (int i = 0; i < n; i++) {
            od[oo + i] = chain(gd[go + i], zd[zo + i], ad[ao + i]);
        }
    }
}
