package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import mlpkit.core.concept.Registry;
import mlpkit.core.distributed.Averaging;
import mlpkit.core.distributed.AveragingPlan;
import mlpkit.core.distributed.AveragingPlan.StateRule;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.OptimizerSpec;
import mlpkit.core.optim.OptimizerState;
import mlpkit.data.ClassLabels;
import mlpkit.data.Dataset;
import mlpkit.data.DenseFeatures;
import mlpkit.data.batch.BatchSize;
import mlpkit.data.batch.MiniBatches;
import mlpkit.data.batch.TargetEncoding;
import mlpkit.data.random.RandomState;
import mlpkit.data.split.RowOrder;
import org.junit.jupiter.api.Test;

class SparkAveragingTest {
    /** Dropout makes the dropout stream's continuation across rounds part of what is compared. */
    private static final String NOTATION = "network < dense(8, relu); dropout(0.2); dense(3, softmax) >";
    private static final String LOSS = "softmax-ce";
    private static final int INPUTS = 5;
    private static final int BATCH = 16;
    private static final int ROUNDS = 5;
    private static final double RATE = 0.05;
    private static final long INIT_SEED = 7;
    private static final long SHUFFLE_SEED = 1234;
    private static final long DROPOUT_SEED = 5678;

    private final SparkEngine engine = new SparkEngine(TestSpark.session());
    private final Rows rows = Rows.generate(150, INPUTS, 3, 31);

    @Test
    void onePartitionWithOneLocalEpochPerRoundIsTheLocalSgdWithMomentumLoopBitForBit() {
        assertOnePartitionIsTheLocalLoop("sgd(momentum = 0.9)");
    }

    @Test
    void onePartitionWithOneLocalEpochPerRoundIsTheLocalAdamLoopBitForBit() {
        assertOnePartitionIsTheLocalLoop("adam");
    }

    @Test
    void averagingAndResettingTheOptimiserStateGiveDifferentRunsWithTheDocumentedStates() {
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2)) {
            double[] averaged = start();
            OptimizerState averagedState = run(distributed, plan("adam", StateRule.AVERAGE), averaged, 2);
            double[] reset = start();
            OptimizerState resetState = run(distributed, plan("adam", StateRule.RESET), reset, 2);
            assertFalse(Arrays.equals(averaged, reset), "averaging and resetting Adam's moments should train differently");
            // RESET: the fresh state. AVERAGE: t = the start's t plus the most local steps a partition took (75 rows: 5 batches).
            assertEquals(0, resetState.step());
            assertTrue(resetState.names().isEmpty(), "a reset state has no arrays, got " + resetState.names());
            assertEquals(2 * 5, averagedState.step());
            assertEquals(Arrays.asList("m", "v"), averagedState.names().stream().toList());
            assertEquals(averaged.length, averagedState.size());
        }
    }

    @Test
    void twoRunsWithTwoPartitionsAreBitIdentical() {
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, rows.weights, 2)) {
            double[] first = start();
            OptimizerState firstState = run(distributed, plan("adam", StateRule.AVERAGE), first, 3);
            double[] second = start();
            OptimizerState secondState = run(distributed, plan("adam", StateRule.AVERAGE), second, 3);
            assertArrayEquals(first, second);
            assertEquals(firstState, secondState);
            assertFalse(Arrays.equals(first, start()), "three rounds should have moved the parameters");
        }
    }

    @Test
    void localStepsBeyondOnePassStartTheNextPassAndTheRoundReportsStepsRowsAndLoss() {
        // 75 rows per partition in batches of 16: a pass is 4 × 16 + 11 rows, so 7 steps are a pass and 2 more batches.
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2);
             Averaging averaging = engine.averaging(distributed, new NetworkRecipe(NOTATION, INPUTS, LOSS),
                     new AveragingPlan("sgd", BATCH, 7, true, Reduction.MEAN, WeightNormalization.DEFAULT, StateRule.AVERAGE,
                             SHUFFLE_SEED, DROPOUT_SEED))) {
            Averaging.Round round = averaging.round(start(), null, RATE);
            assertEquals(7, round.steps());
            assertEquals(2 * (75 + 2 * BATCH), round.rows());
            assertEquals(7, round.state().step());
            assertTrue(round.meanLoss() > 0.5 && round.meanLoss() < 3, "the nearly untrained mean loss should be near ln 3, got " + round.meanLoss());
        }
    }

    @Test
    void aDivergingPartitionEndsTheRoundWithAMessageNamingItAndTheStep() {
        try (DistributedRows distributed = engine.distribute(rows.x, rows.regression, null, 2);
             Averaging averaging = engine.averaging(distributed, new NetworkRecipe("network < dense(2, identity) >", INPUTS, "mse"),
                     plan("sgd", StateRule.RESET))) {
            double[] parameters = new double[12];
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> averaging.round(parameters, null, 1e300));
            // Both partitions diverge; whichever fails first ends the job.
            assertTrue(e.getMessage().matches("partition [01] of an averaging round reached a non-finite loss \\(.*"), e.getMessage());
            assertTrue(e.getMessage().endsWith(": lower the learning rate or scale the features"), e.getMessage());
        }
    }

    @Test
    void aStateOfAnotherOptimiserIsRefusedNamingBoth() {
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2);
             Averaging averaging = engine.averaging(distributed, new NetworkRecipe(NOTATION, INPUTS, LOSS), plan("adam", StateRule.AVERAGE))) {
            OptimizerState sgd = new OptimizerState("sgd", 3, java.util.Map.of());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> averaging.round(start(), sgd, RATE));
            assertEquals("an averaging round of adam expected its own optimiser state (adam), got a sgd state: pass the state "
                    + "the last round returned, or null to start afresh", e.getMessage());
        }
    }

    private void assertOnePartitionIsTheLocalLoop(String optimizer) {
        double[] expected = localLoop(optimizer);
        double[] actual = start();
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 1)) {
            OptimizerState state = run(distributed, plan(optimizer, StateRule.AVERAGE), actual, ROUNDS);
            assertEquals((long) ROUNDS * ((150 + BATCH - 1) / BATCH), state.step());
        }
        assertArrayEquals(expected, actual);
    }

    /** The dsl's local loop (TrainingSession.trainBatches) for ROUNDS epochs, written out with data's MiniBatches. */
    private double[] localLoop(String optimizerNotation) {
        Network network = Network.build(NetworkSpec.parse(NOTATION), INPUTS, Registry.builtIns().parse(Loss.KIND, LOSS),
                new RandomState(INIT_SEED), new RandomState(DROPOUT_SEED));
        Optimizer optimizer = Registry.builtIns().parse(OptimizerSpec.KIND, optimizerNotation).start(network.layout().weightMask());
        Dataset train = new Dataset("train", new DenseFeatures(rows.x), new ClassLabels(rows.labels, null), null);
        MiniBatches batches = new MiniBatches(train, new BatchSize.Rows(BATCH), new RowOrder.Shuffled(new RandomState(SHUFFLE_SEED)),
                TargetEncoding.ONE_HOT, false, null);
        double[] parameters = network.parameters();
        double[] gradients = network.gradients();
        for (int epoch = 0; epoch < ROUNDS; epoch++) {
            MiniBatches.Epoch cursor = batches.epoch();
            while (cursor.next()) {
                network.computeGradient(cursor.getX(), cursor.getY(), Reduction.MEAN);
                optimizer.step(parameters, gradients, RATE, cursor.getX().getRowDimension());
            }
        }
        return parameters.clone();
    }

    /** ROUNDS-style rounds from {@code parameters} (overwritten), each sending back the last round's state; returns the last state. */
    private OptimizerState run(DistributedRows distributed, AveragingPlan plan, double[] parameters, int rounds) {
        try (Averaging averaging = engine.averaging(distributed, new NetworkRecipe(NOTATION, INPUTS, LOSS), plan)) {
            OptimizerState state = null;
            for (int r = 0; r < rounds; r++) {
                state = averaging.round(parameters, state, RATE).state();
            }
            return state;
        }
    }

    private static AveragingPlan plan(String optimizer, StateRule rule) {
        return new AveragingPlan(optimizer, BATCH, 0, true, Reduction.MEAN, WeightNormalization.DEFAULT, rule, SHUFFLE_SEED, DROPOUT_SEED);
    }

    /** The initial parameters, as the local loop's network is built from RandomState(INIT_SEED). */
    private static double[] start() {
        return Network.build(NetworkSpec.parse(NOTATION), INPUTS, Registry.builtIns().parse(Loss.KIND, LOSS),
                new RandomState(INIT_SEED), new RandomState(DROPOUT_SEED)).parameters().clone();
    }
}
