package mlpkit.core.optim;

import java.util.Arrays;
import java.util.Map;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.Param;
import mlpkit.core.concept.Registry;
import mlpkit.core.metrics.Monitor;

/**
 * scikit-learn's {@code learning_rate='adaptive'} ({@code MLPClassifier} / {@code MLPRegressor}, solver
 * {@code sgd}): the rate is divided by 5 each time the monitored metric has failed to improve by {@code tol} for
 * more than {@code nIterNoChange} epochs. After each epoch, with the epoch's value v (a loss, lower is better):
 * <pre>
 *   count = v &gt; best − tol ? count + 1 : 0;   best = min(best, v)          (best = +∞ at the start)
 *   if count &gt; nIterNoChange:  if η &gt; 1e-6: η /= 5;   count = 0
 * </pre>
 * For a metric where higher is better (scikit-learn's validation score with {@code early_stopping=True},
 * e.g. {@code val_accuracy}): {@code count = v < best + tol ? count + 1 : 0; best = max(best, v)}. These are
 * {@code BaseMultilayerPerceptron._update_no_improvement_count} and {@code SGDOptimizer.trigger_stopping}.
 * Where scikit-learn ends the training (the rate already ≤ 1e-6 when the count exceeds nIterNoChange) this
 * schedule leaves the rate where it is, or, with {@code stop=true}, reports {@link LearningRateSchedule#ended()} so
 * that the training loop ends the run after that epoch, as scikit-learn does. scikit-learn's training loss includes its L2 term
 * (α/(2n)·‖W‖²) and mlpkit's {@code train_loss} does not, so with {@code alpha > 0} the counts can differ.
 *
 * <p>The state a checkpoint keeps ({@link LearningRateSchedule#exportState}) is [divisions, best, count]:
 * the rate is η₀ / 5^divisions.
 */
public record Adaptive(String monitor, double tol, int nIterNoChange, boolean stop) implements ScheduleSpec {
    /** scikit-learn's divisor of the rate. */
    static final double DIVISOR = 5.0;
    /** scikit-learn's smallest rate it still divides. */
    static final double SMALLEST_RATE = 1e-6;

    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "adaptive")
            .summary("η ÷ 5 after more than nIterNoChange epochs without an improvement by tol (scikit-learn's adaptive)")
            .param(Param.metricName("monitor", "train_loss").doc("the metric watched: train_loss, or val_accuracy as "
                    + "scikit-learn with early_stopping").hint("name a metric the run reports each epoch, e.g. train_loss"))
            .param(Param.real("tol", 1e-4).atLeast(0).doc("how much better than the best a value must be (scikit-learn's tol)")
                    .hint("e.g. 1e-4, scikit-learn's default"))
            .param(Param.integer("nIterNoChange", 10).atLeast(1)
                    .doc("epochs without improvement tolerated before the rate is divided (scikit-learn's n_iter_no_change)")
                    .hint("e.g. 10, scikit-learn's default"))
            .param(Param.bool("stop", false)
                    .doc("end the run when the count runs out while the rate is already ≤ 1e-6 (scikit-learn); false keeps the rate"))
            .build(Adaptive.class);

    public Adaptive {
        CONCEPT.check(monitor, tol, nIterNoChange, stop);
    }

    /** Without the stop: the rate stays at its last value once it is ≤ 1e-6. */
    public Adaptive(String monitor, double tol, int nIterNoChange) {
        this(monitor, tol, nIterNoChange, false);
    }

    /**
     * A fresh run (rate η₀, no best yet); the run's length plays no part.
     *
     * @throws ConceptException when {@code monitor} names no metric of the built-in registry
     */
    @Override
    public LearningRateSchedule start(int epochs) {
        Monitor watch;
        try {
            watch = new Monitor(monitor, "auto", 0.0, Registry.builtIns());
        } catch (ConceptException e) {
            throw new ConceptException(notation(), "monitor", e.expected(), e.got(), e.hint());
        }
        return new Run(this, watch.metric(), watch.maximise());
    }

    @Override
    public Concept<ScheduleSpec> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }

    /** One run's state: the number of divisions so far, the best value and the count of epochs without improvement. */
    private static final class Run implements LearningRateSchedule {
        private final Adaptive spec;
        private final String metric;
        private final boolean maximise;
        private int divisions;
        private double best;
        private int count;
        private double lastBase = Double.NaN;
        private boolean ended;

        Run(Adaptive spec, String metric, boolean maximise) {
            this.spec = spec;
            this.metric = metric;
            this.maximise = maximise;
            this.best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }

        @Override
        public double rate(double baseRate, int epoch) {
            Validation.learningRate("baseRate", baseRate);
            Validation.epoch(epoch);
            lastBase = baseRate;
            return baseRate / Math.pow(DIVISOR, divisions);
        }

        @Override
        public void epochEnded(int epoch, Map<String, Double> metrics) {
            Double reported = metrics.get(metric);
            if (reported == null) {
                throw new IllegalArgumentException(spec.notation() + " monitors " + spec.monitor + ", but epoch " + epoch
                        + " reported " + (metrics.isEmpty() ? "no metrics" : String.join(", ", metrics.keySet()))
                        + "; monitor a metric the run reports, e.g. train_loss");
            }
            double v = reported;
            boolean stalled = maximise ? !(v >= best + spec.tol) : !(v <= best - spec.tol);
            count = stalled ? count + 1 : 0;
            best = maximise ? Math.max(best, v) : Math.min(best, v);
            if (count > spec.nIterNoChange) {
                if (Double.isNaN(lastBase) || lastBase / Math.pow(DIVISOR, divisions) > SMALLEST_RATE) {
                    divisions++;
                } else if (spec.stop) {
                    ended = true;
                    return;
                }
                count = 0;
            }
        }

        @Override
        public boolean ended() {
            return ended;
        }

        @Override
        public double[] exportState() {
            return new double[]{divisions, best, count};
        }

        @Override
        public void restoreState(double[] state) {
            boolean possible = state.length == 3 && state[0] >= 0 && state[0] == Math.rint(state[0])
                    && state[2] >= 0 && state[2] <= spec.nIterNoChange && state[2] == Math.rint(state[2]) && !Double.isNaN(state[1]);
            if (!possible) {
                throw new IllegalArgumentException(spec.notation() + ": the state [divisions, best, count] = "
                        + Arrays.toString(state) + " cannot come from this schedule (3 values: whole divisions ≥ 0, best a "
                        + "number, count a whole number in [0, " + spec.nIterNoChange + "]): the checkpoint is damaged or "
                        + "belongs to another schedule");
            }
            divisions = (int) state[0];
            best = state[1];
            count = (int) state[2];
        }
    }
}
