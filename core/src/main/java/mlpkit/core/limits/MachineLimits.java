package mlpkit.core.limits;

import java.util.Locale;
import mlpkit.core.layer.LayerSpec;
import mlpkit.core.network.NetworkSpec;

/**
 * The sizes this Java process can hold and the threads it may start, checked before anything is allocated
 * so that an oversized network, data set or thread count is an error that names the value, the limit, where
 * the limit comes from and the fix, rather than an {@code OutOfMemoryError} halfway through a run.
 *
 * <ul>
 *   <li>Memory: {@link #maxMemoryBytes} is {@code Runtime.maxMemory()}, the heap this JVM may grow to (set by
 *       {@code -Xmx}, which the {@code mlp} launcher takes from {@code MLP_JAVA_OPTS}). A network needs
 *       {@value #PARAMETER_COPIES} doubles per parameter (the weights, their gradients, up to two optimiser
 *       moments, and the best weights early stopping keeps) and {@value #ACTIVATION_COPIES} doubles per unit
 *       and batch row (a layer's output, its pre-activation and the gradient flowing back).</li>
 *   <li>Arrays: one Java array holds at most {@value #MAX_ARRAY_ELEMENTS} elements; a network's parameters are
 *       one array, a data set's features another, a layer's batch output a third.</li>
 *   <li>Threads: at most {@value #THREADS_PER_PROCESSOR} × {@code availableProcessors()}. More threads than
 *       processors only queue for them, and a few more than one per processor covers hyper-threading and
 *       containers that report fewer processors than they may use; tens of thousands of threads would only
 *       exhaust the process.</li>
 * </ul>
 *
 * Sizes are computed as longs with overflow-safe products ({@link #product}), which saturate at
 * {@code Long.MAX_VALUE}: a claim of 2<sup>64</sup> is too large, never 0. A value object, no global state:
 * {@link #ofThisMachine()} reads the runtime each time; tests construct their own.
 *
 * @param maxMemoryBytes the heap this process may use, in bytes
 * @param processors     the processors available to it
 */
public record MachineLimits(long maxMemoryBytes, int processors) {
    /** Threads allowed per available processor. */
    public static final int THREADS_PER_PROCESSOR = 8;
    /** The most elements one Java array holds (some JVMs reserve a few header words below {@code Integer.MAX_VALUE}). */
    public static final long MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Doubles held per network parameter: weights, gradients, two optimiser moments, early stopping's best weights. */
    public static final int PARAMETER_COPIES = 5;
    /** Doubles held per unit of a layer and batch row: output, pre-activation, back-propagated gradient. */
    public static final int ACTIVATION_COPIES = 3;
    /** Doubles held per feature value of a data set: the values as read and a scaled copy. */
    public static final int DATA_COPIES = 2;
    private static final String MORE_MEMORY = "give Java more memory with MLP_JAVA_OPTS=-Xmx<size>, e.g. MLP_JAVA_OPTS=-Xmx8g";

    /** The limits of the process this runs in: {@code Runtime.maxMemory()} and {@code availableProcessors()}. */
    public static MachineLimits ofThisMachine() {
        Runtime runtime = Runtime.getRuntime();
        return new MachineLimits(runtime.maxMemory(), runtime.availableProcessors());
    }

    /** The most threads a run may use: {@value #THREADS_PER_PROCESSOR} × the processors. */
    public int maxThreads() {
        return THREADS_PER_PROCESSOR * processors;
    }

    /** Null when {@code threads} is at most {@link #maxThreads()}, else what is wrong and the fix. */
    public String threadsProblem(int threads) {
        if (threads <= maxThreads()) {
            return null;
        }
        return threads + " threads is more than " + maxThreads() + " (" + THREADS_PER_PROCESSOR + " × the " + processors
                + " processor" + (processors == 1 ? "" : "s") + " of this machine): use at most " + maxThreads()
                + ", or omit it for one thread";
    }

    /**
     * Null when a network of {@code spec} on {@code inputs} features, trained on batches of {@code batchRows}
     * rows, fits one parameter array and this process's memory; else what it needs, the limit, its source
     * and the fix.
     */
    public String networkProblem(NetworkSpec spec, int inputs, long batchRows) {
        long parameters = 0;
        long widths = 0;
        long widest = 0;
        int size = inputs;
        for (LayerSpec layer : spec.layers()) {
            parameters = sum(parameters, layer.parameterCount(size));
            size = layer.outputSize(size);
            widths = sum(widths, size);
            widest = Math.max(widest, size);
        }
        String fix = "use fewer units or layers";
        if (parameters > MAX_ARRAY_ELEMENTS) {
            return "the network has " + parameters + " parameters for " + inputs + " inputs, more than one Java array holds ("
                    + MAX_ARRAY_ELEMENTS + "): " + fix;
        }
        long activations = product(batchRows, widest);
        if (activations > MAX_ARRAY_ELEMENTS) {
            return "a batch of " + batchRows + " rows through " + widest + " units is " + activations
                    + " values, more than one Java array holds (" + MAX_ARRAY_ELEMENTS + "): " + fix + ", or a smaller batch";
        }
        long bytes = sum(product(parameters, PARAMETER_COPIES * (long) Double.BYTES),
                product(product(batchRows, widths), ACTIVATION_COPIES * (long) Double.BYTES));
        return memoryProblem("the network (" + parameters + " parameters, batches of " + batchRows + " rows)", bytes,
                fix + " or a smaller batch");
    }

    /** Null when {@code rows} × {@code features} values fit one array and this process's memory; else why not and the fix. */
    public String dataProblem(long rows, long features) {
        long values = product(rows, features);
        if (values > MAX_ARRAY_ELEMENTS) {
            return rows + " samples × " + features + " features = " + values + " values, more than one Java array holds ("
                    + MAX_ARRAY_ELEMENTS + "): use fewer samples or features";
        }
        return memoryProblem(rows + " samples × " + features + " features", product(values, DATA_COPIES * (long) Double.BYTES),
                "use fewer samples or features");
    }

    /** Null when {@code bytes} fit into {@link #maxMemoryBytes}; else "{@code what} needs about …, more than …: {@code fix}, or …". */
    public String memoryProblem(String what, long bytes, String fix) {
        if (bytes <= maxMemoryBytes) {
            return null;
        }
        return what + " needs about " + bytesText(bytes) + ", more than the " + bytesText(maxMemoryBytes)
                + " this Java process may use (Runtime.maxMemory, set by -Xmx): " + fix + ", or " + MORE_MEMORY;
    }

    /** {@code a × b}, or {@code Long.MAX_VALUE} when that overflows (both ≥ 0). */
    public static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code a + b}, or {@code Long.MAX_VALUE} when that overflows (both ≥ 0). */
    public static long sum(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Bytes as "1.5 GiB", "512.0 MiB"; the saturated size as "more than 8 EiB". */
    public static String bytesText(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
