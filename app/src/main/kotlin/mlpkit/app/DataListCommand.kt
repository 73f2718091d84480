package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import java.io.PrintStream
import java.util.Locale
import mlpkit.data.generators.GeneratorRegistry
import mlpkit.data.store.DatasetFiles
import mlpkit.data.store.DatasetStore
import mlpkit.data.store.StoreEnvironment

/** `mlp data list`: the built-in data sets (and whether the image sets are on this machine) and the generators. */
class DataListCommand(private val out: PrintStream) : CliktCommand(name = "list") {
    override fun help(context: Context) = "List the built-in data sets and the scikit-learn generators with their parameters."

    override fun run() {
        val store = DatasetStore(StoreEnvironment.ofThisProcess(), downloader = null)
        out.println("Built-in data sets:")
        out.println("  digits         1797 × 64, 10 classes: scikit-learn's 8×8 digits (pixel counts 0..16), shipped in the jar")
        for ((id, set) in listOf("mnist" to DatasetFiles.MNIST, "fashion-mnist" to DatasetFiles.FASHION_MNIST)) {
            val found = store.find(set, train = true)
            val where = if (found != null) "found in ${found.images.parent}" else "not on this machine: mlp data fetch $id"
            out.println(String.format(Locale.ROOT, "  %-13s  60000 + 10000 × 784 (28×28), 10 classes: %s", id, where))
        }
        out.println()
        out.println("Generators (mlp data gen NAME --parameter value …):")
        for (generator in GeneratorRegistry.standard.generators) {
            out.println("  ${generator.name}: ${generator.summary}")
            val width = generator.parameters.maxOf { it.name.length }
            for (p in generator.parameters) {
                out.println(String.format(Locale.ROOT, "    --%-${width}s  %s (default %s): %s", p.name.replace('_', '-'),
                    p.type.syntax, p.default, p.description))
            }
        }
    }
}
