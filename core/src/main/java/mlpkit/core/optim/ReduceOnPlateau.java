package mlpkit.core.optim;

import java.util.Arrays;
import java.util.Map;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.Param;
import mlpkit.core.concept.Registry;
import mlpkit.core.metrics.Monitor;

/**
 * Reduce on plateau: the rate is multiplied by {@code factor} when the monitored metric has not improved for
 * {@code patience} epochs, exactly as Keras' {@code ReduceLROnPlateau(monitor, factor, patience, mode,
 * min_delta, cooldown, min_lr)} (same defaults), in double precision. After each epoch, with the epoch's
 * value v of the monitored metric:
 * <pre>
 *   if cooldownLeft &gt; 0:  cooldownLeft −= 1; wait = 0
 *   if v improves on best (by more than minDelta, in the monitor's direction):  best = v; wait = 0
 *   else if cooldownLeft == 0:
 *       wait += 1
 *       if wait ≥ patience:  multiplier ×= factor; wait = 0; cooldownLeft = cooldown
 * </pre>
 * and the rate of an epoch is η = min(η₀, max(η₀·multiplier, minRate)). As in Keras the cooldown counter is
 * decremented before it is tested, so {@code cooldown = c} ignores the c − 1 epochs after a reduction
 * ({@code cooldown = 1} behaves as 0); the first finite value always improves, a NaN never does.
 *
 * <p>Where it differs from Keras, and why: Keras stops reducing (and starting cooldowns) once the rate is at
 * {@code min_lr}; here the multiplier keeps being reduced but the rate is clamped at minRate, which gives
 * the same rates since the rate never rises again. A minRate above η₀ leaves the rate at η₀ (Keras never
 * reduces a rate that is not above {@code min_lr}). The multiplier stops at the smallest normal double
 * (2.2e-308) so that, with minRate = 0, the rate never underflows to 0 (for any η₀ above 1e-15), which the
 * optimisers refuse (Keras' float32 rate reaches 0 after some 40 reductions by 0.1 and trains on with it).
 * A monitored metric missing from an epoch's metrics is an error, where Keras only warns. {@code patience}
 * is at least 1: Keras' {@code patience=0} reduces after every epoch without improvement, exactly as
 * {@code patience=1} does (the wait counter is incremented before it is compared).
 *
 * <p>The state a checkpoint keeps ({@link LearningRateSchedule#exportState}) is
 * [multiplier, best, wait, cooldownLeft], best being NaN before the first finite value.
 */
public record ReduceOnPlateau(String monitor, double factor, int patience, double minDelta, int cooldown, double minRate,
                              String mode) implements ScheduleSpec {
    public static final Concept<ScheduleSpec> CONCEPT = Concept.of(KIND, "reduceOnPlateau")
            .summary("η ← max(η·factor, minRate) after patience epochs without improvement of the monitored metric")
            .param(Param.metricName("monitor", "val_loss").doc("the metric watched, e.g. val_loss or train_accuracy")
                    .hint("name a metric the run reports each epoch, e.g. val_loss"))
            .param(Param.real("factor", 0.1).greaterThan(0).lessThan(1).doc("the multiplier of the rate at each reduction")
                    .hint("e.g. 0.5 halves the rate, 0.1 divides it by 10"))
            .param(Param.integer("patience", 10).atLeast(1).doc("epochs without improvement before the rate is reduced")
                    .hint("Keras' patience=0 behaves as patience=1 here: the rate is reduced after each epoch without improvement"))
            .param(Param.real("minDelta", 1e-4).atLeast(0).doc("how much better than the best a value must be to count as an improvement")
                    .hint("e.g. 1e-4; 0 counts any improvement"))
            .param(Param.integer("cooldown", 0).atLeast(0).doc("epochs after a reduction before waiting starts again (Keras' count)")
                    .hint("e.g. 0 or 2"))
            .param(Param.real("minRate", 0.0).atLeast(0).doc("the lowest rate a reduction gives (Keras' min_lr)")
                    .hint("e.g. 0 or 1e-5"))
            .param(Param.text("mode", "auto", Monitor.MODES.toArray(new String[0]))
                    .doc("which way is better: min, max, or auto (the metric's own: lower for losses, higher for accuracy and auc)"))
            .build(ReduceOnPlateau.class);

    /** The number of values in the state: multiplier, best, wait, cooldownLeft. */
    private static final int STATE_SIZE = 4;

    public ReduceOnPlateau {
        CONCEPT.check(monitor, factor, patience, minDelta, cooldown, minRate, mode);
    }

    /** Keras' defaults: {@code reduceOnPlateau(monitor=val_loss, factor=0.1, patience=10)}. */
    public ReduceOnPlateau() {
        this("val_loss", 0.1, 10);
    }

    /** Keras' defaults with another monitor, factor and patience. */
    public ReduceOnPlateau(String monitor, double factor, int patience) {
        this(monitor, factor, patience, 1e-4, 0, 0.0, "auto");
    }

    /**
     * A fresh run (multiplier 1, no best yet); the run's length plays no part.
     *
     * @throws ConceptException when {@code monitor} names no metric of the built-in registry
     */
    @Override
    public LearningRateSchedule start(int epochs) {
        Monitor watch;
        try {
            watch = new Monitor(monitor, mode, minDelta, Registry.builtIns());
        } catch (ConceptException e) {
            throw new ConceptException(notation(), "monitor", e.expected(), e.got(), e.hint());
        }
        return new Run(this, watch);
    }

    @Override
    public Concept<ScheduleSpec> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }

    /** One run's state: what Keras' callback keeps in its fields, with the rate as a multiplier of η₀. */
    private static final class Run implements LearningRateSchedule {
        private final ReduceOnPlateau spec;
        private final Monitor watch;
        private double multiplier = 1.0;
        private double best = Double.NaN;
        private int wait;
        private int cooldownLeft;

        Run(ReduceOnPlateau spec, Monitor watch) {
            this.spec = spec;
            this.watch = watch;
        }

        @Override
        public double rate(double baseRate, int epoch) {
            Validation.learningRate("baseRate", baseRate);
            Validation.epoch(epoch);
            return Math.min(baseRate, Math.max(baseRate * multiplier, spec.minRate));
        }

        @Override
        public void epochEnded(int epoch, Map<String, Double> metrics) {
            Double reported = metrics.get(watch.metric());
            if (reported == null) {
                throw new IllegalArgumentException(missing(epoch, metrics));
            }
            double value = reported;
            if (cooldownLeft > 0) {
                cooldownLeft--;
                wait = 0;
            }
            if (watch.improves(value, best)) {
                best = value;
                wait = 0;
            } else if (cooldownLeft == 0) {
                wait++;
                if (wait >= spec.patience) {
                    multiplier = Math.max(multiplier * spec.factor, Double.MIN_NORMAL);
                    wait = 0;
                    cooldownLeft = spec.cooldown;
                }
            }
        }

        /** Keras warns "Learning rate reduction is conditioned on metric … which is not available"; this fails. */
        private String missing(int epoch, Map<String, Double> metrics) {
            String watched = watch.metric();
            boolean noValidation = metrics.keySet().stream().noneMatch(k -> k.startsWith("validation_"));
            return spec.notation() + " monitors " + spec.monitor
                    + (spec.monitor.equals(watched) ? "" : " (reported as " + watched + ")")
                    + ", but epoch " + epoch + " reported " + (metrics.isEmpty() ? "no metrics" : String.join(", ", metrics.keySet()))
                    + (watched.startsWith("validation_") && noValidation
                    ? ": there is no validation part; add one, or monitor a train_ metric" : "");
        }

        @Override
        public double[] exportState() {
            return new double[]{multiplier, best, wait, cooldownLeft};
        }

        @Override
        public void restoreState(double[] state) {
            if (state.length != STATE_SIZE) {
                throw new IllegalArgumentException(spec.notation() + " keeps " + STATE_SIZE
                        + " values of state (rate multiplier, best value, wait, cooldown left), but a state of " + state.length
                        + " values was given: the checkpoint belongs to another schedule");
            }
            double m = state[0];
            double w = state[2];
            double c = state[3];
            boolean possible = m >= Double.MIN_NORMAL && m <= 1 && !Double.isInfinite(state[1])
                    && w >= 0 && w < spec.patience && w == Math.rint(w)
                    && c >= 0 && c <= spec.cooldown && c == Math.rint(c);
            if (!possible) {
                throw new IllegalArgumentException(spec.notation() + ": the state [multiplier, best, wait, cooldown left] = "
                        + Arrays.toString(state) + " cannot come from this schedule (multiplier in (0, 1], best finite or NaN, "
                        + "wait a whole number in [0, " + (spec.patience - 1) + "], cooldown left a whole number in [0, "
                        + spec.cooldown + "]): the checkpoint is damaged or belongs to another schedule");
            }
            multiplier = m;
            best = state[1];
            wait = (int) w;
            cooldownLeft = (int) c;
        }
    }
}
