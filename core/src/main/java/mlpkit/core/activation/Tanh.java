package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.onnx.OnnxGraph;

/** tanh(z) = (e^z − e^−z) / (e^z + e^−z); tanh'(z) = 1 − tanh²(z), computed from the stored output a. */
public record Tanh() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "tanh")
            .summary("tanh(z); tanh' = 1 − tanh²")
            .build(Tanh.class);

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0 - a * a;
    }

    @Override
    public double minOutput() {
        return -1.0;
    }

    @Override
    public double maxOutput() {
        return 1.0;
    }

    /** ONNX's Tanh. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Tanh", List.of(z));
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
