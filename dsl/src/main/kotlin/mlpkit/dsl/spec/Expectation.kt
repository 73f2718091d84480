package mlpkit.dsl.spec

import kotlinx.serialization.Serializable

/**
 * A figure the run must reach, checked by `mlp verify` and by tests: [metric] is one of
 * `train_accuracy`, `validation_accuracy`, `test_accuracy`, `train_loss`, `validation_loss`, `test_loss`,
 * `test_auc`, …; with a lower bound [atLeast] and/or an upper bound [atMost]. [article] is the figure the
 * source article reports for this metric (shown beside ours; never checked), when there is one.
 */
@Serializable
data class Expectation(
    val metric: String,
    val atLeast: Double? = null,
    val atMost: Double? = null,
    val article: Double? = null,
)
