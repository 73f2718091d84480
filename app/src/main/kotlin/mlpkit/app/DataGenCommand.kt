package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.arguments.multiple
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.types.path
import java.io.PrintStream
import mlpkit.data.csv.CsvWriteOptions
import mlpkit.data.csv.CsvWriter
import mlpkit.data.generators.GeneratorRegistry

/**
 * `mlp data gen make_moons --n-samples 100 --noise 0.1 --random-state 0 [--out FILE.csv] [--no-header]`:
 * a scikit-learn generator's data as CSV (a header line `x0,x1,…,label` or `…,y`, then the features and
 * the label or target column, 17 significant digits), the same numbers as scikit-learn 1.2 for the same
 * random_state. The header lets a training CSV source and `mlp predict` tell it from data (and a model
 * trained on the file records the names); `--no-header` writes the numbers only.
 */
class DataGenCommand(private val out: PrintStream) : CliktCommand(name = "gen") {
    init {
        // Generator parameters are open-ended (--n-samples, --weights, ...): Clikt hands them over as arguments.
        context { allowInterspersedArgs = true }
    }

    override val treatUnknownOptionsAsArgs = true

    private val generator by argument(
        name = "GENERATOR",
        help = GeneratorRegistry.standard.generators.joinToString(", ") { it.name },
    )
    private val parameterWords by argument(name = "--PARAMETER VALUE").multiple()
    private val output by option("--out", metavar = "FILE.csv", help = "write here (atomically) instead of stdout").path()
    private val header by option("--header", help = "start with a header line x0, x1, …, label or y (the default); --no-header: numbers only")
        .flag("--no-header", default = true)

    override fun help(context: Context) = """
        Generate a scikit-learn data set as CSV.

        Parameters take scikit-learn's names, snake_case or kebab-case (--n-samples 100 or --n_samples=100);
        lists are comma-separated (--weights 0.5,0.3,0.2, --n-samples 30,50), matrix rows separated by ';'
        (--centers '0,0;4,4'), booleans true|false, and 'none' where scikit-learn takes None. 'mlp data list'
        shows every generator's parameters and defaults.
    """.trimIndent()

    override fun run() = asInvalidInput("data gen") {
        val dataset = GeneratorRegistry.standard.generate(generator, parameterValues(parameterWords))
        val options = CsvWriteOptions(header = header)
        val target = output
        if (target == null) {
            val text = StringBuilder()
            CsvWriter.write(dataset, text, options)
            out.print(text)
        } else {
            CsvWriter.write(dataset, target, options)
        }
    }

    /** `--name value` and `--name=value` pairs into a map; anything else is a usage mistake. */
    private fun parameterValues(words: List<String>): Map<String, String> {
        val values = LinkedHashMap<String, String>()
        var i = 0
        while (i < words.size) {
            val word = words[i]
            require(word.startsWith("--") && word.length > 2) {
                "expected a parameter such as --n-samples, got '$word' (values follow their parameter: --noise 0.1)"
            }
            val equals = word.indexOf('=')
            val (name, value) = if (equals > 0) {
                word.substring(0, equals) to word.substring(equals + 1)
            } else {
                require(i + 1 < words.size) { "$word needs a value (e.g. $word 10; see 'mlp data list')" }
                i++
                word to words[i]
            }
            require(values.put(name.removePrefix("--").replace('-', '_'), value) == null) { "$name is given twice" }
            i++
        }
        return values
    }
}
