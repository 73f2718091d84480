package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/** The metric {@code loss}: the run's loss per sample, Σ ℓ / n over a part (whatever the training reduction). */
public record MeanLoss() implements Metric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "loss")
            .summary("the mean per-sample loss")
            .build(MeanLoss.class);

    @Override
    public Needs needs() {
        return Needs.ANY;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public boolean onTrainingBatches() {
        return true;
    }

    @Override
    public Accumulator accumulator(int rows) {
        return new Accumulator() {
            private double sum;
            private int seen;

            @Override
            public void add(Chunk chunk) {
                sum += chunk.lossSum();
                seen += chunk.rows();
            }

            @Override
            public double result() {
                return sum / seen;
            }
        };
    }

    @Override
    public Concept<Metric> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
