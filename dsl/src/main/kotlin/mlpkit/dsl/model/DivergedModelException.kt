package mlpkit.dsl.model

/**
 * A model file marked as written by a run that diverged ([ModelFile.diverged]), loaded without allowing it:
 * its weights are finite but its predictions are not to be trusted. [source] names the file, [divergence]
 * says what happened and where (epoch, batch). Load it with `allowDiverged = true` to use it anyway.
 */
class DivergedModelException(val source: String, val divergence: String) : ModelFileException(
    "$source: the run that wrote this model diverged ($divergence), so its predictions are not to be trusted: " +
        "retrain with a smaller learning rate, or load it with allowDiverged = true to use it anyway",
)
