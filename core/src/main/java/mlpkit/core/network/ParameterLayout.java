package mlpkit.core.network;

import java.util.List;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.optim.ParameterShares;

/** Where each tensor sits in a network's flat parameter (and gradient) array, or in its state array. */
public record ParameterLayout(List<ParameterTensor> tensors, int size) {
    public ParameterLayout {
        tensors = List.copyOf(tensors);
    }

    /** true at the indices of the tensors weight decay applies to (weights), false elsewhere (biases, scales). */
    public boolean[] weightMask() {
        boolean[] mask = new boolean[size];
        for (ParameterTensor t : tensors) {
            if (t.decayed()) {
                java.util.Arrays.fill(mask, t.offset(), t.offset() + t.size(), true);
            }
        }
        return mask;
    }

    /** Each thread's share of the update ({@link ParameterShares}). */
    public ParameterShares shares(KernelThreads threads) {
        return ParameterShares.of(threads, size);
    }

    /** The tensor that holds flat index {@code index}. */
    public ParameterTensor tensorAt(int index) {
        for (ParameterTensor t : tensors) {
            if (index >= t.offset() && index < t.offset() + t.size()) {
                return t;
            }
        }
        throw new IndexOutOfBoundsException("parameter index " + index + " is outside 0.." + (size - 1));
    }
}
