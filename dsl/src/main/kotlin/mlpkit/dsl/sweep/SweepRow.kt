package mlpkit.dsl.sweep

import java.nio.file.Path
import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.train.StopReason

/**
 * One variation's outcome: its [name], the network it trained, its [status], why its run stopped
 * ([reason]; null when it failed or was not run; [stopped] says it in the words of the run's `metrics.json`,
 * `completed`, `early-stopped`, `diverged`, …), its final metrics (empty when it failed or was not run),
 * [message] (one line saying what went wrong for a diverged, failed, interrupted or not-run variation) and
 * its run [directory] (null when the sweep records none, or the variation was not run). A variation of a sweep with
 * `"cv"` keeps its cross-validation in [cv]: its metrics are then the folds' means and standard deviations
 * (`cv_<metric>`, `cv_<metric>_std`) and [stopped] the folds' stop reasons joined by `/`.
 */
data class SweepRow @JvmOverloads constructor(
    val name: String,
    val notation: String,
    val reason: StopReason?,
    val metrics: Map<String, Double>,
    val status: SweepStatus = reason?.let(SweepStatus::of) ?: SweepStatus.FAILED,
    val message: String? = reason?.divergence,
    val directory: Path? = null,
    val stopped: String? = null,
    val cv: CvResult? = null,
)
