package mlpkit.dsl.model

import kotlinx.serialization.Serializable

/**
 * One epoch of a training history: its number (1-based), the learning rate it used, how long it took,
 * and its metrics by name (`train_loss`, `train_accuracy`, `validation_loss`, …).
 */
@Serializable
data class HistoryRow(
    val epoch: Int,
    val learningRate: Double,
    val durationMillis: Long,
    val metrics: Map<String, Double>,
)
