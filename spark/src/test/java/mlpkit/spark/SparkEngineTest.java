package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mlpkit.core.distributed.DataParallel;
import mlpkit.core.distributed.DataParallelProvider;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.RemoteTask;
import org.apache.spark.Partition;
import org.apache.spark.rdd.ParallelCollectionPartition;
import org.junit.jupiter.api.Test;

class SparkEngineTest {
    private final SparkEngine engine = new SparkEngine(TestSpark.session());

    /** Squares a whole number; fails on anything else. */
    public static final class Square implements RemoteTask {
        @Override
        public String run(String input) {
            long n = Long.parseLong(input.trim());
            return Long.toString(n * n);
        }
    }

    @Test
    void runTasksReturnsEveryResultInTheInputsOrder() {
        List<String> inputs = List.of("3", "-4", "5", "10", "0", "7");
        assertEquals(List.of("9", "16", "25", "100", "0", "49"), engine.runTasks(Square.class, inputs));
        assertEquals(List.of(), engine.runTasks(Square.class, List.of()));
    }

    @Test
    void aFailingTaskIsReportedWithItsInputsIndexAndMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> engine.runTasks(Square.class, List.of("1", "2", "two", "4")));
        assertTrue(e.getMessage().startsWith("Square failed on input 2 of 4 (two): "), e.getMessage());
        assertTrue(e.getMessage().contains("For input string: \"two\""), e.getMessage());
    }

    @Test
    void distributedRowsLeaveNoRowsInTheirTasks() {
        Rows rows = Rows.generate(1000, 4, 2, 41);
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 3)) {
            SparkRows spark = (SparkRows) distributed;
            assertTrue(spark.blocks().rdd().isCheckpointed(), "the blocks should be locally checkpointed");
            for (Partition partition : spark.blocks().rdd().partitions()) {
                assertFalse(partition instanceof ParallelCollectionPartition, "partition " + partition.index()
                        + " still holds the driver's rows: " + partition.getClass().getName());
            }
            List<List<Integer>> blockRows = spark.blocks().map(RowBlock::rows).glom().collect();
            assertEquals(List.of(List.of(128, 128, 77), List.of(128, 128, 77), List.of(128, 128, 78)), blockRows,
                    "rows [0, 333), [333, 666) and [666, 1000) in blocks of at most 128");
        }
    }

    @Test
    void theSparkEngineIsFoundByName() {
        assertInstanceOf(SparkEngineProvider.class, DataParallelProvider.named("spark"));
    }

    @Test
    void anUnreachableStandaloneMasterFailsWithinTenSecondsNamingItsUrl() {
        long start = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkEngineProvider().connect("spark://127.0.0.1:1", Map.of()));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertTrue(e.getMessage().startsWith("cannot reach the Spark master spark://127.0.0.1:1 ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void anEngineConnectedToTheRunningSessionLeavesItRunningWhenClosed() {
        DataParallel connected = new SparkEngineProvider().connect("local[2]", Map.of(SparkEngineProvider.BLOCK_SIZE, "64"));
        assertEquals(64, ((SparkEngine) connected).blockSize());
        connected.close();
        assertFalse(TestSpark.session().sparkContext().isStopped(), "closing must not stop a session the engine did not start");
        assertEquals(List.of("4"), engine.runTasks(Square.class, List.of("2")));
    }

    @Test
    void aBadBlockSizeSettingIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkEngineProvider().connect("local[2]", Map.of(SparkEngineProvider.BLOCK_SIZE, "0")));
        assertEquals("mlpkit.spark.blockSize expected a whole number of rows >= 1, got '0': leave it out for 128", e.getMessage());
    }

    @Test
    void theEngineDescribesItsSparkAndMaster() {
        assertEquals("Spark " + TestSpark.session().version() + ", master local[2]", engine.description());
        assertEquals(2, engine.defaultPartitions());
    }
}
