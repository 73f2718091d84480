package mlpkit.dsl.model

import mlpkit.core.distributed.TrainedModel
import mlpkit.core.distributed.TrainedModelReader
import java.nio.file.Path

/**
 * Core's [TrainedModelReader] for the dsl's model files (found by `ServiceLoader`): [Model.load] with the built-in
 * concepts, then [Model.trainedModel]. A file that does not read is a [ModelFileException] naming it.
 */
class ModelFileReader : TrainedModelReader {
    override fun read(file: Path): TrainedModel = Model.load(file).trainedModel()
}
