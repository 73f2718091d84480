package mlpkit.dsl.config

import mlpkit.core.network.NetworkSpec

/**
 * What can be wrong with a whole network without seeing the data: each layer was already checked against its
 * concept when it was read; here, that the last layer can end a network (core's rule).
 */
internal object NetworkChecks {
    private val networkPath = JsonPath.ROOT.key("network")

    fun check(network: NetworkSpec, problems: Problems) {
        val last = network.layers().lastIndex
        network.outputProblem()?.let { problems.add(networkPath.index(last), it) }
    }
}
