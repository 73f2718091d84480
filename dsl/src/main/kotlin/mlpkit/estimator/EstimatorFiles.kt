package mlpkit.estimator

import java.nio.file.Path
import mlpkit.dsl.model.Model

/** Reading an estimator back from a model file. */
internal object EstimatorFiles {
    /** The estimator record of [model] read from [path], checked to be of [type]. */
    fun record(model: Model, path: Path, type: String): EstimatorRecord {
        val json = model.file.estimator ?: throw IllegalArgumentException(
            "$path is a model file without an estimator record (it was written by a run, not by an estimator's save): " +
                "load it with Model.load(path), or save a fitted $type",
        )
        val record = EstimatorRecord.read(json, path.toString())
        require(record.type == type) { "$path holds a ${record.type}, not a $type: load it with ${record.type}.load(path)" }
        return record
    }
}
