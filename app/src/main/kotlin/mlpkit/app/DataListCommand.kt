package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import java.io.PrintStream
import java.util.Locale
import mlpkit.data.builtin.BuiltInSets
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
        val width = BuiltInSets.names.maxOf { it.length }
        for (set in BuiltInSets.all) {
            val where = if (!set.inStore) "shipped in the jar" else {
                val files = if (set.name == "mnist") DatasetFiles.MNIST else DatasetFiles.FASHION_MNIST
                val found = store.find(files, train = true)
                if (found != null) "found in ${found.images.parent}" else "not on this machine: mlp data fetch ${set.name}"
            }
            out.println(String.format(Locale.ROOT, "  %-${width}s  %s, %s: %s; %s", set.name, set.task.word, set.shape, set.description, where))
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
