package mlpkit.spark;

/**
 * The master a run connects to. Under {@code spark-submit}, spark-submit's {@code --master} decides: spark-submit
 * sets the {@value #PROPERTY} system property before it calls mlp's main, and that master wins over the experiment's
 * {@code cluster.master} and {@code --spark}, which name the master for runs that mlp starts itself. The master
 * {@value #SUBMIT} ({@code --spark submit}, or {@code "master": "submit"}) asks for spark-submit's master explicitly,
 * so an experiment without a cluster block can be submitted; without spark-submit it is refused.
 */
final class SubmittedMaster {
    /** The system property spark-submit sets to its {@code --master} (a plain {@code java -Dspark.master=…} too). */
    static final String PROPERTY = "spark.master";
    /** The master that means "whatever spark-submit was given". */
    static final String SUBMIT = "submit";

    private SubmittedMaster() {
    }

    /** The master to connect to: {@code submitted} (the {@value #PROPERTY} property, or null) when set, else {@code configured}. */
    static String choose(String configured, String submitted) {
        if (submitted != null && !submitted.isBlank()) {
            return submitted.trim();
        }
        if (SUBMIT.equals(configured)) {
            throw new IllegalArgumentException("the master '" + SUBMIT + "' expected the master spark-submit sets (system property "
                    + PROPERTY + "), got none: run under spark-submit --master URL, or name a master such as local[2]");
        }
        return configured;
    }

    /** {@link #choose} with this JVM's {@value #PROPERTY} property. */
    static String of(String configured) {
        return choose(configured, System.getProperty(PROPERTY));
    }
}
