package mlpkit.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mlpkit.core.distributed.TrainedModel;
import mlpkit.core.distributed.TrainedModelReader;

/** A test-only {@link TrainedModelReader} (the dsl's is not on this module's class path): Java-serialized models. */
public final class SerializedModelReader implements TrainedModelReader {
    @Override
    public TrainedModel read(Path file) {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return (TrainedModel) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code model} for {@link #read}. */
    static void write(TrainedModel model, Path file) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(model);
        }
    }
}
