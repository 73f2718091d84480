package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.types.choice
import java.io.PrintStream
import mlpkit.data.store.DatasetFiles
import mlpkit.data.store.DatasetStore

/** `mlp data fetch mnist|fashion-mnist`: makes sure the four files of a set are on this machine. */
class DataFetchCommand(private val out: PrintStream, private val err: PrintStream) : CliktCommand(name = "fetch") {
    private val set by argument(name = "SET", help = "mnist or fashion-mnist")
        .choice("mnist" to DatasetFiles.MNIST, "fashion-mnist" to DatasetFiles.FASHION_MNIST)

    override fun help(context: Context) = """
        Find or download a data set's four IDX files into the data store.

        Looks in ${'$'}MLP_DATA_DIR/<set>, ~/.cache/mlpkit/datasets/<set> and the system locations that
        scripts/install-datasets.sh fills; downloads what is missing from the canonical mirrors and checks
        every file's SHA-256. Prints the four paths.
    """.trimIndent()

    override fun run() {
        val store = DatasetStore.forThisProcess(progress = { err.println("mlp data fetch: $it") })
        asInvalidInput("data fetch") { store.fetch(set) }.forEach { out.println(it) }
    }
}
