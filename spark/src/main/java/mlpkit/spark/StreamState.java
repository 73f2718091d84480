package mlpkit.spark;

import java.io.Serializable;
import mlpkit.data.random.RandomState;
import mlpkit.data.random.RandomStateSnapshot;

/**
 * Where a partition's random stream (numpy's {@link RandomState}) stopped, shipped between driver and executor so
 * that the stream continues exactly in the next round: the {@link RandomStateSnapshot} as a plain serializable class.
 */
final class StreamState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] key;
    private final int position;
    private final Double cachedGaussian;

    private StreamState(int[] key, int position, Double cachedGaussian) {
        this.key = key;
        this.position = position;
        this.cachedGaussian = cachedGaussian;
    }

    /** Where {@code random} is now. */
    static StreamState of(RandomState random) {
        RandomStateSnapshot snapshot = random.snapshot();
        return new StreamState(snapshot.getKey(), snapshot.getPosition(), snapshot.getCachedGaussian());
    }

    /** The stream continued from {@code state}, or started from {@code seed} when there is no state yet. */
    static RandomState resume(StreamState state, long seed) {
        return state == null ? new RandomState(seed)
                : RandomState.fromSnapshot(new RandomStateSnapshot(state.key.clone(), state.position, state.cachedGaussian));
    }
}
