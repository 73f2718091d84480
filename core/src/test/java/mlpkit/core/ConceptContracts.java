package mlpkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.ElementWise;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;
import mlpkit.core.concept.Param;
import mlpkit.core.concept.Registry;
import mlpkit.core.gradcheck.GradientCheck;
import mlpkit.core.gradcheck.GradientCheckReport;
import mlpkit.core.layer.LayerSpec;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.network.Objective;
import mlpkit.core.optim.FullBatchRun;
import mlpkit.core.optim.LearningRateSchedule;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.OptimizerSpec;
import mlpkit.core.optim.ScheduleSpec;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * What every concept of a kind must do, checked the same way for each (as Keras' {@code run_layer_test}):
 * a concept's own test file calls the contract of its kind, then checks its maths against reference numbers.
 */
public final class ConceptContracts {
    /** Relative error a gradient check must stay under. */
    public static final double GRADIENT_TOLERANCE = 1e-6;

    private ConceptContracts() {
    }

    /**
     * A value is known to the built-in registry by its concept, prints a notation that parses back to an equal
     * value, and its concept's defaults make a valid value.
     */
    public static <V> void registered(Kind<V> kind, Conceptual value) {
        Concept<?> concept = value.concept();
        assertTrue(Registry.builtIns().contains(concept), concept + " is in the concept index (a public static CONCEPT field)");
        assertEquals(kind, concept.kind());
        assertEquals(value, Registry.builtIns().parse(kind, value.notation()), "the notation " + value.notation() + " parses back");
        if (concept.params().stream().noneMatch(Param::isRequired)) {
            Object defaults = concept.create();
            assertEquals(defaults, Registry.builtIns().parse(kind, concept.name()), "the bare name means the defaults");
        }
    }

    /**
     * An element-wise activation: registered; its derivative matches central differences of its value at
     * {@code zs} (points at least 1e-4 from a kink); its batch maps equal its scalar maths bit for bit; its values
     * and derivatives are finite for pre-activations up to 1000 in magnitude (past e^x's overflow at 709.78); and a
     * network with a hidden layer of it passes a gradient check.
     */
    public static void elementWiseActivation(ElementWise f, double... zs) {
        registered(Activation.KIND, f);
        for (double z : zs) {
            double h = 1e-6 * Math.max(1, Math.abs(z));
            double numeric = (f.value(z + h) - f.value(z - h)) / (2 * h);
            double analytic = f.derivative(z, f.value(z));
            assertEquals(numeric, analytic, 1e-7 * Math.max(1, Math.abs(analytic)), f.notation() + "'(" + z + ")");
        }
        DenseMatrix z = DenseMatrix.of(new double[][]{zs});
        DenseMatrix a = new DenseMatrix(1, zs.length);
        DenseMatrix g = new DenseMatrix(1, zs.length);
        DenseMatrix dz = new DenseMatrix(1, zs.length);
        for (int i = 0; i < zs.length; i++) {
            g.data()[i] = 0.5 + i;
        }
        f.forward(z, a);
        f.backward(z, a, g, dz);
        for (int i = 0; i < zs.length; i++) {
            assertEquals(f.value(zs[i]), a.data()[i], 0.0, "batch value at " + zs[i]);
            assertEquals(g.data()[i] * f.derivative(zs[i], a.data()[i]), dz.data()[i], 1e-15 * Math.abs(dz.data()[i]), "batch derivative at " + zs[i]);
        }
        double[] extremes = {-1000, -745, -40, -1e-300, 0, 1e-300, 40, 710, 1000};
        DenseMatrix big = DenseMatrix.of(new double[][]{extremes});
        DenseMatrix bigA = new DenseMatrix(1, extremes.length);
        DenseMatrix bigDz = new DenseMatrix(1, extremes.length);
        DenseMatrix ones = new DenseMatrix(1, extremes.length);
        java.util.Arrays.fill(ones.data(), 1.0);
        f.forward(big, bigA);
        f.backward(big, bigA, ones, bigDz);
        for (int i = 0; i < extremes.length; i++) {
            assertTrue(Double.isFinite(bigA.data()[i]), f.notation() + "(" + extremes[i] + ") = " + bigA.data()[i]);
            assertTrue(Double.isFinite(bigDz.data()[i]), f.notation() + "'(" + extremes[i] + ") = " + bigDz.data()[i]);
        }
        gradientChecked("network < dense(5, " + f.notation() + ", bias=normal(0.5)); dense(2, sigmoid) >", "bce", 3);
    }

    /**
     * A loss for real-valued targets: registered; its gradient matches central differences of its value; and a
     * regression network trained with it passes a gradient check with both reductions.
     */
    public static void valueLoss(Loss loss) {
        registered(Loss.KIND, loss);
        assertEquals(Loss.Targets.VALUES, loss.targets());
        MersenneTwister rng = new MersenneTwister(3);
        DenseMatrix a = TestData.gaussian(rng, 4, 3);
        DenseMatrix y = TestData.gaussian(rng, 4, 3);
        Activation identity = Registry.builtIns().parse(Activation.KIND, "identity");
        DenseMatrix dA = new DenseMatrix(4, 3);
        loss.outputGradient(a, y, 1.0, dA);
        for (int k = 0; k < a.size(); k++) {
            double saved = a.data()[k];
            double h = 1e-6;
            a.data()[k] = saved + h;
            double plus = loss.sum(identity, a, a, y);
            a.data()[k] = saved - h;
            double minus = loss.sum(identity, a, a, y);
            a.data()[k] = saved;
            assertEquals((plus - minus) / (2 * h), dA.data()[k], 1e-7, loss.notation() + " gradient at entry " + k);
        }
        gradientChecked("network < dense(4, tanh); dense(3, identity) >", loss.notation(), 5);
    }

    /**
     * An optimiser: registered; it lowers a convex quadratic; and continuing from an exported and restored state
     * gives the same parameters, bit for bit, as never stopping.
     */
    public static void optimizer(OptimizerSpec spec, double learningRate) {
        registered(OptimizerSpec.KIND, spec);
        double[] target = {1.0, -2.0, 0.5, 3.0};
        double[] theta = new double[4];
        Optimizer optimizer = spec.start();
        double before = quadratic(theta, target, new double[4]);
        for (int step = 0; step < 200; step++) {
            double[] grad = new double[4];
            quadratic(theta, target, grad);
            optimizer.step(theta, grad, learningRate);
        }
        double after = quadratic(theta, target, new double[4]);
        assertTrue(after < 0.5 * before, spec.notation() + " lowers ½|θ − t|²: " + before + " → " + after);

        double[] straight = new double[4];
        double[] resumed = new double[4];
        Optimizer first = spec.start();
        Optimizer second = spec.start();
        for (int step = 0; step < 12; step++) {
            double[] grad = new double[4];
            quadratic(straight, target, grad);
            first.step(straight, grad, learningRate);
            if (step < 5) {
                double[] g2 = new double[4];
                quadratic(resumed, target, g2);
                second.step(resumed, g2, learningRate);
            }
        }
        Optimizer restored = spec.start();
        restored.restoreState(second.exportState());
        for (int step = 5; step < 12; step++) {
            double[] grad = new double[4];
            quadratic(resumed, target, grad);
            restored.step(resumed, grad, learningRate);
        }
        assertArrayEquals(straight, resumed, 0.0, spec.notation() + " continues bit for bit after a restore");
    }

    /**
     * The contract of a full-batch optimiser (L-BFGS): on the objective Σ ½(θ − t)² over 4 parameters it lowers the
     * mean loss to below a thousandth of the start's within 20 iterations, one {@code iterate()} at a time, and stops
     * with one of scipy's L-BFGS-B messages.
     */
    public static void fullBatchOptimizer(OptimizerSpec spec) {
        registered(OptimizerSpec.KIND, spec);
        assertTrue(spec.fullBatch(), spec.notation() + " is full-batch");
        double[] target = {1.0, -2.0, 0.5, 3.0};
        Objective objective = new Objective() {
            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public Evaluation evaluate(double[] parameters, double[] gradient) {
                return new Evaluation(quadratic(parameters, target, gradient), 1);
            }

            @Override
            public Evaluation value(double[] parameters) {
                return new Evaluation(quadratic(parameters, target, new double[4]), 1);
            }
        };
        FullBatchRun run = spec.startFullBatch(objective, new double[4], 20, null);
        double before = run.loss();
        int iterations = 0;
        while (run.iterate()) {
            iterations++;
            assertEquals(iterations, run.iterations(), spec.notation() + " counts its iterations");
        }
        assertTrue(run.stopped(), spec.notation() + " stops");
        assertTrue(run.loss() < 1e-3 * before, spec.notation() + " lowers ½|θ − t|²: " + before + " → " + run.loss());
        List<String> scipy = Arrays.stream(mlpkit.core.optim.lbfgs.StopReason.values())
                .map(mlpkit.core.optim.lbfgs.StopReason::scipyText).toList();
        assertTrue(scipy.contains(run.stopReason()), spec.notation() + " stops with one of scipy's messages " + scipy + ", got " + run.stopReason());
        assertThrows(UnsupportedOperationException.class, () -> spec.update(new double[4], new double[4], new double[0][], 0.1, 1),
                spec.notation() + " has no per-batch update");
    }

    private static double quadratic(double[] theta, double[] target, double[] grad) {
        double sum = 0;
        for (int i = 0; i < theta.length; i++) {
            double d = theta[i] - target[i];
            grad[i] = d;
            sum += 0.5 * d * d;
        }
        return sum;
    }

    /**
     * A schedule: registered; a run of it started twice from the same metrics gives the same rates; and one
     * restored from an exported state continues with the same rates as never stopping.
     */
    public static void schedule(ScheduleSpec spec, int epochs, double baseRate, Map<Integer, Map<String, Double>> metricsByEpoch) {
        registered(ScheduleSpec.KIND, spec);
        LearningRateSchedule straight = spec.start(epochs);
        LearningRateSchedule first = spec.start(epochs);
        double[] rates = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            rates[e] = straight.rate(baseRate, e);
            straight.epochEnded(e, metricsByEpoch.getOrDefault(e, Map.of()));
            assertTrue(rates[e] > 0 && Double.isFinite(rates[e]), "rate at epoch " + e + ": " + rates[e]);
        }
        int half = epochs / 2;
        for (int e = 0; e < half; e++) {
            first.rate(baseRate, e);
            first.epochEnded(e, metricsByEpoch.getOrDefault(e, Map.of()));
        }
        LearningRateSchedule restored = spec.start(epochs);
        restored.restoreState(first.exportState());
        for (int e = half; e < epochs; e++) {
            assertEquals(rates[e], restored.rate(baseRate, e), 0.0, spec.notation() + " at epoch " + e + " after a restore");
            restored.epochEnded(e, metricsByEpoch.getOrDefault(e, Map.of()));
        }
    }

    /**
     * A layer kind: registered; a network with it between two dense layers passes a gradient check in inference
     * mode, and in training mode unless it draws random numbers in training.
     */
    public static void layer(LayerSpec spec) {
        registered(LayerSpec.KIND, spec);
        String notation = "network < dense(4, tanh, bias=normal(0.5)); " + spec.notation() + "; dense(2, sigmoid) >";
        gradientChecked(notation, "bce", 6);
        if (!spec.randomInTraining()) {
            Network network = Network.build(NetworkSpec.parse(notation), 3, Registry.builtIns().parse(Loss.KIND, "bce"), 11L);
            GradientCheckReport report = GradientCheck.of(network).inTrainingMode().runOnRandomData(6, new MersenneTwister(12));
            assertTrue(report.passes(GRADIENT_TOLERANCE), () -> "in training mode:\n" + report.table());
        }
    }

    /** A gradient check of {@code notation} with 3 inputs and {@code loss}, both reductions, on random data. */
    public static void gradientChecked(String notation, String loss, int samples) {
        for (Reduction reduction : Reduction.values()) {
            Network network = Network.build(NetworkSpec.parse(notation), 3, Registry.builtIns().parse(Loss.KIND, loss), 7L);
            GradientCheckReport report = GradientCheck.of(network).reduction(reduction).runOnRandomData(samples, new MersenneTwister(8));
            assertTrue(report.passes(GRADIENT_TOLERANCE), () -> notation + " with " + loss + ", " + reduction + ":\n" + report.table());
        }
    }
}
