/**
 * Limited-memory BFGS over the {@link mlpkit.core.network.Objective} seam: a full-batch minimiser of a
 * network's (or any objective's) mean loss over a flat parameter vector.
 *
 * <ul>
 *   <li>{@link mlpkit.core.optim.lbfgs.Lbfgs} - the iteration as scipy's L-BFGS-B makes it: two-loop recursion, curvature skip, stop tests;</li>
 *   <li>{@link mlpkit.core.optim.lbfgs.MoreThuenteLineSearch} - Moré and Thuente's line search, as L-BFGS-B's {@code dcsrch};</li>
 *   <li>{@link mlpkit.core.optim.lbfgs.LbfgsOptions} - the settings with their scipy names and defaults;</li>
 *   <li>{@link mlpkit.core.optim.lbfgs.StopReason} and {@link mlpkit.core.optim.lbfgs.LbfgsResult} - how a run
 *       ended, in scipy's words and ours.</li>
 * </ul>
 *
 * <p>Not thread-safe: a run belongs to one caller; the objective is evaluated on the calling thread.
 */
package mlpkit.core.optim.lbfgs;
