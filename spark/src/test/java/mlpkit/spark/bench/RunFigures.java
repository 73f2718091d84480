package mlpkit.spark.bench;

/**
 * One training run's figures.
 *
 * @param trainer        who trained
 * @param iterations     L-BFGS iterations made
 * @param evaluations    loss-and-gradient evaluations (Spark jobs) made
 * @param fitMillis      the whole call, from the prepared data to the trained parameters
 * @param loopMillis     the optimisation alone: first evaluation's start to the last one's end
 * @param trainAccuracy  accuracy on the training rows
 * @param testAccuracy   accuracy on the test rows
 */
record RunFigures(String trainer, int iterations, int evaluations, double fitMillis, double loopMillis,
                  double trainAccuracy, double testAccuracy) {

    /** Optimisation milliseconds per L-BFGS iteration. */
    double millisPerIteration() {
        return loopMillis / iterations;
    }

    /** Optimisation milliseconds per evaluation. */
    double millisPerEvaluation() {
        return loopMillis / evaluations;
    }

    @Override
    public String toString() {
        return String.format("%-7s %4d it %4d ev  fit %8.0f ms  loop %8.0f ms  %7.1f ms/it  %7.1f ms/ev  train %.4f  test %.4f",
                trainer, iterations, evaluations, fitMillis, loopMillis, millisPerIteration(), millisPerEvaluation(),
                trainAccuracy, testAccuracy);
    }
}
