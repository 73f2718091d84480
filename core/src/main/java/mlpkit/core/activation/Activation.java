package mlpkit.core.activation;

import java.util.function.DoubleUnaryOperator;
import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.onnx.OnnxGraph;

/**
 * A layer's non-linearity a = f(z), applied to the pre-activation z = x·W + b. Each activation is one
 * concept file (its name, parameters and maths); the registry finds it ({@code Registry.builtIns()}).
 *
 * <p>{@link #backward} returns the gradient with respect to the pre-activation z (never with respect to
 * a): dZ = dA ⊙ f'(z) for element-wise functions ({@link ElementWise}), and the Jacobian product for
 * softmax. Implementations are immutable values: two with the same parameters are equal.
 */
public interface Activation extends Conceptual {
    /** The kind "activation": written positionally, {@code leakyRelu(0.2)}. */
    Kind<Activation> KIND = Kind.positional("activation", Activation.class);

    /** a = f(z); a and z have the same shape and may not be the same matrix. */
    void forward(DenseMatrix z, DenseMatrix a);

    /** dZ = ∂L/∂z given dA = ∂L/∂a, the pre-activation z and the output a = f(z) of the same batch (dZ may be dA). */
    void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ);

    /** The smallest value f takes (−∞ when unbounded): random targets for a gradient check are drawn inside. */
    default double minOutput() {
        return Double.NEGATIVE_INFINITY;
    }

    /** The largest value f takes (+∞ when unbounded). */
    default double maxOutput() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The points z where f has no derivative (ReLU's 0). Finite differences across one are wrong, so a
     * gradient check keeps the pre-activations away from them.
     */
    default double[] kinks() {
        return new double[0];
    }

    /**
     * Writes a = f(z) into an ONNX graph, reading the value named {@code z}; returns the name of a. Each built-in
     * activation writes its own form; one without any (a user's own, whose f is Java code) is refused, naming itself.
     */
    default String toOnnx(OnnxGraph graph, String z) {
        throw graph.noOnnxForm("the activation " + notation(), "its function is code, which an ONNX file cannot hold",
                "export needs built-in activations ('mlp concepts' lists them): retrain with one");
    }

    /** Null when a layer of {@code units} outputs may end in this activation, else why not (softmax over one unit). */
    default String unitsProblem(int units) {
        return null;
    }

    /**
     * A user's own element-wise activation: f and its derivative f' with respect to z. It is usable wherever
     * a built-in one is; its concept ({@link UserActivation#concept()}) must be added to the registry that
     * reads notation or model files naming it.
     */
    static Activation of(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        return new UserActivation(name, f, derivative);
    }
}
