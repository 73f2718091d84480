package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.ProgramResult
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.options.check
import com.github.ajalt.clikt.parameters.options.convert
import com.github.ajalt.clikt.parameters.options.default
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.options.required
import com.github.ajalt.clikt.parameters.types.choice
import com.github.ajalt.clikt.parameters.types.double
import com.github.ajalt.clikt.parameters.types.int
import com.github.ajalt.clikt.parameters.types.long
import com.github.ajalt.clikt.parameters.types.restrictTo
import java.io.PrintStream
import java.util.Locale
import mlpkit.core.gradcheck.GradientCheck
import mlpkit.core.gradcheck.GradientCheckReport
import mlpkit.core.loss.Loss
import mlpkit.core.loss.Reduction
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import org.apache.commons.math3.random.MersenneTwister
import mlpkit.core.concept.Registry
import mlpkit.core.concept.NotationException

/**
 * `mlp gradcheck NOTATION --inputs N --loss NAME`: builds the network, compares its back-propagated
 * gradient with central finite differences on random data and prints the per-tensor table.
 *
 * The weights come from `MersenneTwister(seed)` (as `Network.build(spec, inputs, loss, seed)` does)
 * and the random inputs and targets from `MersenneTwister(seed + 1)`, so one `--seed` reproduces a run
 * exactly while the data stream does not replay the weight stream.
 */
class GradcheckCommand(private val out: PrintStream) : CliktCommand(name = "gradcheck") {
    private val notation by argument(
        name = "NOTATION",
        help = "the network, e.g. 'network < dense(5, tanh); dense(1, sigmoid) >' (quote it: it contains spaces, < and >)",
    )

    private val inputs by option("--inputs", metavar = "N", help = "number of input features")
        .int().restrictTo(min = 1).required()

    private val loss by option(
        "--loss",
        metavar = "NAME",
        help = "the loss: ${Registry.builtIns().of(Loss.KIND).names().joinToString(", ")} (with arguments as in the notation, e.g. huber(delta=2))",
    ).convert("NAME") { name ->
        // The registry owns the names and the message for an unknown one.
        try {
            Registry.builtIns().parse(Loss.KIND, name)
        } catch (e: NotationException) {
            fail("expected ${e.expected()}, got ${e.found()}" + if (e.hint().isEmpty()) "" else "; ${e.hint()}")
        }
    }.required()

    private val reduction by option("--reduction", help = "how per-sample losses are combined")
        .choice(Reduction.entries.associateBy { it.notation() })
        .default(Reduction.MEAN, defaultForHelp = Reduction.MEAN.notation())

    private val samples by option("--samples", metavar = "K", help = "random rows to check the gradient on")
        .int().restrictTo(min = 1).default(8)

    private val seed by option("--seed", metavar = "S", help = "weights from MersenneTwister(seed), data from MersenneTwister(seed + 1)")
        .long().default(0)

    private val tolerance by option("--tolerance", metavar = "T", help = "largest relative error that passes")
        .double()
        .default(1e-6, defaultForHelp = "1e-6")
        .check({ "must be a finite number > 0, got $it" }) { it > 0 && it.isFinite() }

    override fun help(context: Context) = """
        Check a network's back-propagated gradient against central finite differences.

        Prints the relative error of every weight and bias tensor and of every layer; the last line is
        'max relative error: <x>'. Exit status 0 when every error is at most the tolerance, 1 when one
        is above it, 2 for a notation that does not parse or a loss that does not fit the output layer.
    """.trimIndent()

    override fun run() {
        val network = buildNetwork(parseNotation(), loss)
        val report = runCheck(network)
        out.println(header(network))
        val failing = rowsAboveTolerance(report)
        if (failing.isNotEmpty()) {
            // Before the table, so that the table's last line stays 'max relative error: <x>'.
            out.println("FAILED: relative error above tolerance ${sci(tolerance)} in ${failing.joinToString(", ")}")
        }
        out.println(report.table())
        if (!report.passes(tolerance)) {
            throw ProgramResult(ExitCode.CHECK_FAILED)
        }
    }

    private fun parseNotation(): NetworkSpec = try {
        NetworkSpec.parse(notation)
    } catch (e: IllegalArgumentException) {
        // NotationException's message names the column; other IllegalArgumentExceptions come from
        // layer validation (e.g. a dropout rate of 1) and name the layer.
        throw InvalidInput("mlp gradcheck: ${e.message}")
    }

    private fun buildNetwork(spec: NetworkSpec, loss: Loss): Network = try {
        Network.build(spec, inputs, loss, seed)
    } catch (e: IllegalArgumentException) {
        // e.g. bce after a softmax layer: the message names the layer and the loss.
        throw InvalidInput("mlp gradcheck: ${e.message}")
    }

    private fun runCheck(network: Network): GradientCheckReport = try {
        GradientCheck.of(network).reduction(reduction).runOnRandomData(samples, MersenneTwister(seed + 1))
    } catch (e: IllegalStateException) {
        // No random draw kept the ReLU pre-activations away from the kink: a property of the network.
        throw InvalidInput("mlp gradcheck: ${e.message}")
    }

    private fun header(network: Network) =
        "gradient check of $network with $inputs inputs: loss ${network.lossFunction().notation()}, " +
            "reduction ${reduction.notation()}, $samples samples, seed $seed"

    /**
     * The weight and bias rows above the tolerance, as `#<layer> <layer notation> <tensor> (<error>)`.
     * The combined `W,b` row of a layer only exceeds the tolerance when one of its tensors does, so it
     * is left out unless it is the only one (which would mean rounding put it just over).
     */
    private fun rowsAboveTolerance(report: GradientCheckReport): List<String> {
        val above = report.rows().filter { !(it.relativeError() <= tolerance) } // NaN counts as above
        val tensors = above.filter { it.tensor() != "W,b" }.ifEmpty { above }
        return tensors.map { "#${it.layerIndex()} ${it.layerNotation()} ${it.tensor()} (${sci(it.relativeError())})" }
    }

    private fun sci(value: Double) = String.format(Locale.ROOT, "%.3e", value)
}
