/**
 * The seam between the training loop and wherever the training rows live: {@link mlpkit.core.distributed.DataParallel}
 * is an engine that spreads rows over workers and gives back the same {@link mlpkit.core.network.Objective} the
 * optimisers minimise locally (synchronous data-parallel rounds), a parameter-averaging session for mini-batch
 * optimisers, and one remote task per input (sweeps). An engine is found with {@link java.util.ServiceLoader} through
 * {@link mlpkit.core.distributed.DataParallelProvider}; the {@code spark} module provides one. An engine may also
 * read rows where users keep them ({@link mlpkit.core.distributed.RowSource} → {@link
 * mlpkit.core.distributed.LoadedRows}) and score a model on them ({@link mlpkit.core.distributed.RowScores}). Nothing here depends on
 * an engine: the core has no cluster code.
 *
 * <p>Everything that travels to a worker is plain {@link java.io.Serializable} Java (notations, flat arrays), never
 * a {@link mlpkit.core.network.Network} or a lambda: a worker rebuilds the network from its {@link
 * mlpkit.core.distributed.NetworkRecipe}.
 *
 * <p>For scoring, a {@link mlpkit.core.distributed.TrainedModel} is a trained model as such a worker rebuilds it
 * (recipe, parameters, state, exact {@link mlpkit.core.distributed.ColumnAffine} scalings, class names); a model file
 * becomes one through the {@link mlpkit.core.distributed.TrainedModelReader} on the class path (the dsl's).
 */
package mlpkit.core.distributed;
