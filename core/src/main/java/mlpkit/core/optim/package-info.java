/**
 * Gradient-descent optimisers and learning-rate schedules working on flat parameter vectors.
 *
 * <p>Every optimiser sees the whole network as one {@code double[] params} and the reduced
 * gradient as one {@code double[] grads} of the same length; the mapping from layers to
 * offsets is the caller's business.
 *
 * <ul>
 *   <li>{@link mlpkit.core.optim.OptimizerSpec} - an optimiser as configured (a concept: {@code sgd},
 *       {@code adam}, …), one file each with its parameters and update rule;
 *       {@link mlpkit.core.optim.Optimizer} - the stateful contract a run steps: {@code step}, {@code init},
 *       {@code exportState}/{@code restoreState}.</li>
 *   <li>{@link mlpkit.core.optim.GradientClipping} - clipping by global L2 norm.</li>
 *   <li>{@link mlpkit.core.optim.ScheduleSpec} - a learning-rate schedule as configured (a concept:
 *       {@code constant}, {@code step}, …); {@link mlpkit.core.optim.LearningRateSchedule} - the rate of a
 *       run, epoch by epoch.</li>
 *   <li>{@link mlpkit.core.optim.Optimizers} and {@link mlpkit.core.optim.Schedules} - static
 *       factories for Java callers.</li>
 * </ul>
 *
 * <p>Nothing here is thread-safe: an optimiser instance belongs to one training loop.
 */
package mlpkit.core.optim;
