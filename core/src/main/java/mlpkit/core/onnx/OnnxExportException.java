package mlpkit.core.onnx;

/**
 * A model that cannot be written as ONNX: the message names the part (layer number and notation, or the input or
 * target scaling), says why and what to do. An {@link IllegalArgumentException}: the model given is what is wrong.
 */
public final class OnnxExportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OnnxExportException(String message) {
        super(message);
    }
}
