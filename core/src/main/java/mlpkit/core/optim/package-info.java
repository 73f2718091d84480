/**
 * Gradient-descent optimisers and learning-rate schedules working on flat parameter vectors.
 *
 * <p>Every optimiser sees the whole network as one {@code double[] params} and the reduced
 * gradient as one {@code double[] grads} of the same length; the mapping from layers to
 * offsets is the caller's business, so this package depends on nothing else in mlpkit.
 *
 * <ul>
 *   <li>{@link mlpkit.core.optim.Optimizer} - the contract: {@code step}, {@code init},
 *       {@code exportState}/{@code restoreState}, {@code notation}.</li>
 *   <li>{@link mlpkit.core.optim.Sgd}, {@link mlpkit.core.optim.RmsProp},
 *       {@link mlpkit.core.optim.Adam}, {@link mlpkit.core.optim.AdamW} - implementations
 *       with the update equations in their Javadoc; shared options (L2 weight decay, global
 *       norm clipping, decay mask) in {@link mlpkit.core.optim.OptimizerOptions}.</li>
 *   <li>{@link mlpkit.core.optim.GradientClipping} - clipping by global L2 norm.</li>
 *   <li>{@link mlpkit.core.optim.LearningRateSchedule} and its implementations
 *       {@link mlpkit.core.optim.Constant}, {@link mlpkit.core.optim.StepDecay},
 *       {@link mlpkit.core.optim.ExponentialDecay}, {@link mlpkit.core.optim.InverseScaling},
 *       {@link mlpkit.core.optim.CosineDecay}.</li>
 *   <li>{@link mlpkit.core.optim.Optimizers} and {@link mlpkit.core.optim.Schedules} - static
 *       factories for Java callers.</li>
 * </ul>
 *
 * <p>Nothing here is thread-safe: an optimiser instance belongs to one training loop.
 */
package mlpkit.core.optim;
