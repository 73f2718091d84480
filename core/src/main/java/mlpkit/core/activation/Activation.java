package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;

/**
 * A layer's non-linearity a = f(z), applied to the pre-activation z = x·W + b.
 *
 * <p>{@link #backward} returns the gradient with respect to the pre-activation z (never with respect to
 * a): dZ = dA ⊙ f'(z) for element-wise functions, and the Jacobian product for softmax. Implementations
 * that compute f'(z) from the stored output a (sigmoid, tanh) say so. Implementations are immutable
 * values: two with the same parameters are equal.
 */
public interface Activation {
    /** The name used in the network notation, with parameters: {@code sigmoid}, {@code leakyRelu(0.01)}. */
    String notation();

    /** a = f(z); a and z have the same shape and may not be the same matrix. */
    void forward(DenseMatrix z, DenseMatrix a);

    /** dZ = ∂L/∂z given dA = ∂L/∂a, the pre-activation z and the output a = f(z) of the same batch. */
    void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ);
}
