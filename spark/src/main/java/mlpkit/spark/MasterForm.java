package mlpkit.spark;

import java.util.regex.Pattern;

/**
 * The forms of a Spark master URL, checked before Spark starts: Spark itself refuses a malformed master only after
 * logging an error with a stack trace. The {@code local} forms are Spark's own patterns ({@code SparkMasterRegex});
 * {@code yarn} and any {@code scheme://…} ({@code spark://}, {@code k8s://}, a cluster manager of one's own) pass on to
 * Spark unchanged.
 */
final class MasterForm {
    private static final Pattern LOCAL = Pattern.compile(
            "local|local\\[([0-9]+|\\*)\\]|local\\[([0-9]+|\\*)\\s*,\\s*([0-9]+)\\]|local-cluster\\[\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*]");

    private MasterForm() {
    }

    /** Fails with one line naming {@code master} and the valid forms unless it has one of them. */
    static void require(String master) {
        boolean valid = master.startsWith("local") ? LOCAL.matcher(master).matches() : master.equals("yarn") || master.contains("://");
        if (!valid) {
            throw new IllegalArgumentException("the Spark master '" + master + "' expected local, local[N], local[*], local[N,F], "
                    + "spark://host:port, yarn or k8s://…, got '" + master + "': write it in one of these forms, e.g. local[2]");
        }
    }
}
