package mlpkit.core.distributed;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Reads a model file into a {@link TrainedModel}; found with {@link ServiceLoader} so that modules that may not
 * depend on the model file's owner (the dsl) can still read its files. The dsl provides one.
 */
public interface TrainedModelReader {
    /** The model in {@code file}, or an error naming the file and what is wrong with it. */
    TrainedModel read(Path file);

    /** The first reader on the class path, or an error saying which module provides one. */
    static TrainedModelReader find() {
        return ServiceLoader.load(TrainedModelReader.class, TrainedModelReader.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + TrainedModelReader.class.getName()
                        + " on the class path, so model files cannot be read: add mlpkit-dsl (which reads its model files) to the class path"));
    }
}
