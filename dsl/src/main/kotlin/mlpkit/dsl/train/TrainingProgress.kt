package mlpkit.dsl.train

/**
 * Where a run is inside its epoch, for a display that polls it a few times a second from another thread (a
 * terminal's progress bar): the epoch in progress (1-based, 0 before the first batch), the batches of it done
 * and the batches an epoch has. The training loop writes it once per batch (one volatile write, nothing else);
 * [position] reads epoch and batch together. A run whose epoch is not made of local batches (an engine's rounds,
 * rows on a cluster) leaves the batch count at 0 and only the epoch moves.
 */
class TrainingProgress {
    /** Epoch in the high 32 bits, batches done in the low 32: one volatile read gives a consistent pair. */
    @Volatile
    private var packed: Long = 0

    /** Mini-batches per epoch (1 for a full batch); 0 until the first epoch starts or when unknown. */
    @Volatile
    var batchesPerEpoch: Int = 0
        private set

    /** The epoch in progress and the batches of it done. */
    fun position(): Position = packed.let { Position((it ushr 32).toInt(), (it and 0xFFFF_FFFFL).toInt()) }

    internal fun epochStarted(epoch: Int, batches: Int) {
        batchesPerEpoch = batches
        packed = epoch.toLong() shl 32
    }

    internal fun batchDone(epoch: Int, batchesDone: Int) {
        packed = (epoch.toLong() shl 32) or batchesDone.toLong()
    }

    data class Position(val epoch: Int, val batchesDone: Int)
}
