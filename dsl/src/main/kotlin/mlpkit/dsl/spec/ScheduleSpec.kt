package mlpkit.dsl.spec

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import mlpkit.core.optim.LearningRateSchedule
import mlpkit.core.optim.Schedules

/** How the learning rate changes from epoch to epoch (applied at the start of each epoch, 0-based). */
@Serializable
sealed interface ScheduleSpec {
    /** The core schedule for a run of [epochs] epochs. */
    fun create(epochs: Int): LearningRateSchedule

    @Serializable
    @SerialName("constant")
    data object Constant : ScheduleSpec {
        override fun create(epochs: Int): LearningRateSchedule = Schedules.constant()
    }

    @Serializable
    @SerialName("step")
    data class Step(val every: Int, val factor: Double) : ScheduleSpec {
        override fun create(epochs: Int): LearningRateSchedule = Schedules.step(every, factor)
    }

    @Serializable
    @SerialName("exponential")
    data class Exponential(val gamma: Double) : ScheduleSpec {
        override fun create(epochs: Int): LearningRateSchedule = Schedules.exponential(gamma)
    }

    @Serializable
    @SerialName("inverseScaling")
    data class InverseScaling(val power: Double = 0.5) : ScheduleSpec {
        override fun create(epochs: Int): LearningRateSchedule = Schedules.inverseScaling(power)
    }

    /** Cosine decay from the base rate to [minRate] over the run's epochs. */
    @Serializable
    @SerialName("cosine")
    data class Cosine(val minRate: Double = 0.0) : ScheduleSpec {
        override fun create(epochs: Int): LearningRateSchedule = Schedules.cosine(epochs, minRate)
    }
}
