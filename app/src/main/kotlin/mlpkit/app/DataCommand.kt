package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context

/** `mlp data …`: the data sets and generators behind experiments. */
class DataCommand : CliktCommand(name = "data") {
    override fun help(context: Context) = "List, generate, inspect and fetch data sets."

    override fun run() = Unit
}
