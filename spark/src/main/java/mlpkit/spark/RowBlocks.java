package mlpkit.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import mlpkit.core.distributed.InputScaling;
import mlpkit.core.distributed.TargetLayout;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * Turns one partition's checked records, in row-id order, into {@link RowBlock}s of at most {@code blockSize} rows of
 * one set (training or validation): features scaled as data's scalers scale them (standard: subtract the mean, then
 * divide by the scale; minmax: x · s + o with s = 1 / range and o = 0 − min · s), targets encoded by the
 * {@link TargetLayout} (class texts numbered by {@link ClassNumbering}), weights: the sample weight when the source has
 * them, times the row's class weight when given.
 */
final class RowBlocks implements FlatMapFunction<Iterator<Tuple2<Long, LoadRecord>>, RowBlock> {
    private static final long serialVersionUID = 1L;

    private final boolean validation;
    private final ValidationSplit split;
    private final int blockSize;
    private final TargetLayout layout;
    private final Map<String, Integer> classOf;
    private final int inputs;
    private final int outputs;
    private final boolean weighted;
    private final double[] classWeights;
    private final InputScaling scaling;
    private final double[] first;
    private final double[] second;

    /**
     * @param first  standard: the means; minmax: the multipliers s
     * @param second standard: the scales; minmax: the offsets o
     * @param weighted whether the records carry sample weights
     * @param classWeights each class's weight, a row's weight then being its class's weight times its sample weight; null for none
     */
    RowBlocks(boolean validation, ValidationSplit split, int blockSize, TargetLayout layout, Map<String, Integer> classOf, int inputs,
              int outputs, boolean weighted, double[] classWeights, InputScaling scaling, double[] first, double[] second) {
        this.validation = validation;
        this.split = split;
        this.blockSize = blockSize;
        this.layout = layout;
        this.classOf = classOf;
        this.inputs = inputs;
        this.outputs = outputs;
        this.weighted = weighted;
        this.classWeights = classWeights;
        this.scaling = scaling;
        this.first = first;
        this.second = second;
    }

    @Override
    public Iterator<RowBlock> call(Iterator<Tuple2<Long, LoadRecord>> records) {
        List<RowBlock> blocks = new ArrayList<>();
        List<LoadRecord> pending = new ArrayList<>(blockSize);
        while (records.hasNext()) {
            LoadRecord record = records.next()._2();
            if (split.validation(record.id) == validation) {
                pending.add(record);
                if (pending.size() == blockSize) {
                    blocks.add(block(pending));
                    pending.clear();
                }
            }
        }
        if (!pending.isEmpty()) {
            blocks.add(block(pending));
        }
        return blocks.iterator();
    }

    private RowBlock block(List<LoadRecord> records) {
        int n = records.size();
        double[] x = new double[n * inputs];
        double[] y = new double[n * outputs];
        double[] w = weighted || classWeights != null ? new double[n] : null;
        for (int r = 0; r < n; r++) {
            LoadRecord record = records.get(r);
            int at = r * inputs;
            for (int j = 0; j < inputs; j++) {
                double v = record.x[j];
                if (scaling == InputScaling.STANDARD) {
                    v -= first[j];
                    v /= second[j];
                } else if (scaling == InputScaling.MINMAX) {
                    v = v * first[j] + second[j];
                }
                x[at + j] = v;
            }
            switch (layout) {
                case ONE_HOT -> y[r * outputs + classOf.get(record.label)] = 1.0;
                case BINARY -> y[r] = classOf.get(record.label);
                default -> System.arraycopy(record.values, 0, y, r * outputs, outputs);
            }
            if (w != null) {
                double sample = weighted ? record.weight : 1.0;
                w[r] = classWeights == null ? sample : classWeights[classOf.get(record.label)] * sample;
            }
        }
        return new RowBlock(n, inputs, outputs, x, y, w);
    }
}
