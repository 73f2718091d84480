package mlpkit.dsl.sweep

import mlpkit.dsl.train.StopReason

/** One variation's outcome: its [name], the network it trained, why it stopped, and its final metrics. */
data class SweepRow(val name: String, val notation: String, val reason: StopReason, val metrics: Map<String, Double>)
