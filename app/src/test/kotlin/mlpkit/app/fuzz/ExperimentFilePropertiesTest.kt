package mlpkit.app.fuzz

import mlpkit.core.fuzz.PropertyRun
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.app.CliRun
import mlpkit.app.DigitImageSet
import mlpkit.app.ExperimentLoader
import mlpkit.app.mlp
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.util.Random

/**
 * Every JSON example shipped in examples/ after random mutations, through the same entry as `mlp check FILE`
 * ([PropertyRun]; `-Pfuzz` runs the tagged variants with many more tries and a few `mlp run --epochs 1`).
 * Mutations: a key deleted, a value's type changed, a number replaced by a huge, negative, fractional or
 * NaN-ish value or a string, a key repeated, the text cut short, garbage bytes inserted.
 *
 * Property: the exit status is 0, 1 (`check`'s gradient check failed, which it prints as a table) or 2 —
 * never 3 (an internal error) — and nothing prints a stack trace; with exit 2, stderr holds at least one
 * line and every line names the file at fault: the experiment, or a data file it names.
 *
 * The examples that read MNIST or Fashion-MNIST from the data store are mutated after their source is
 * replaced by [DigitImageSet]'s small files (a test machine need not have the real sets, and nothing may
 * download).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentFilePropertiesTest {
    @TempDir
    lateinit var dir: Path

    private val examples: Path = Path.of("..", "examples").toAbsolutePath().normalize()
    private lateinit var bases: List<Pair<String, String>>

    @BeforeAll
    fun readExamples(@TempDir images: Path) {
        val files = Files.list(examples).use { s -> s.filter { it.toString().endsWith(".json") }.sorted().toList() }
        assertTrue(files.size >= 5, "examples in $examples")
        DigitImageSet.writeInto(images)
        bases = files.map { file ->
            val spec = ExperimentLoader.load(file).spec
            file.fileName.toString() to
                if (DigitImageSet.readsStoredImageSet(spec)) SpecJson.encode(DigitImageSet.substitutedInto(spec, images)) else Files.readString(file)
        }
    }

    @Test
    fun `every shipped example checks with exit 0 before any mutation`() {
        for ((name, text) in bases) {
            val check = check(name, text)
            assertEquals(0, check.exitCode, "$name: ${check.err}")
        }
    }

    @Test
    fun `a mutated example exits 0, 1 or 2 from check, never 3, and every error line names the file`() =
        PropertyRun.withSeed(15401, 60) { mutatedExampleHolds(it, "check") }

    @Test
    @Tag("fuzz")
    fun `a mutated example exits 0, 1 or 2 from check and names the file (fuzz)`() =
        PropertyRun.fuzz(3_000) { mutatedExampleHolds(it, "check") }

    @Test
    @Tag("fuzz")
    fun `a mutated example exits 0 or 2 from run for one epoch and names the file (fuzz)`() =
        PropertyRun.fuzz(40) { mutatedExampleHolds(it, "run") }

    @Test
    fun `a generator parameter the data cannot take names the experiment file and the data path`() {
        // Found by the mutation property: 'mlp check: make_classification: n_repeated must be ≥ 0, got -1' named no file.
        val (name, text) = bases.first { it.second.contains("\"n_repeated\"") }
        val run = check(name, text.replaceFirst(Regex("\"n_repeated\": *[0-9]+"), "\"n_repeated\": -1"))
        assertEquals(2, run.exitCode, run.err)
        assertEquals(1, run.errLines.size, run.err)
        assertTrue(
            Regex("^/.*$name: \\$\\.data\\.source\\.params\\.n_repeated: invalid value for make_classification \\(expected integer ≥ 0, got -1\\)$")
                .matches(run.errLines[0]),
            run.err,
        )
    }

    private var count = 0

    private fun check(name: String, text: String): CliRun {
        val file = dir.resolve("${count++}-$name").also { Files.writeString(it, text) }
        return mlp("check", file.toString())
    }

    private fun mutatedExampleHolds(random: Random, command: String) {
        val (name, base) = bases[random.nextInt(bases.size)]
        var text = base
        repeat(1 + random.nextInt(2)) { text = JsonMutations.mutate(text, random) }
        val file = dir.resolve("${count++}-$name")
        Files.writeString(file, text)
        val result = if (command == "check") {
            mlp("check", file.toString())
        } else {
            mlp("run", file.toString(), "--epochs", "1", "--quiet", "--out", dir.resolve("runs-$count").toString())
        }
        val context = "$command on a mutated $name: exit ${result.exitCode}\n--- stderr:\n${result.err}\n--- file:\n${text.take(3000)}"
        val allowed = if (command == "check") setOf(0, 1, 2) else setOf(0, 2)
        assertTrue(result.exitCode in allowed, context)
        assertFalse(STACK_FRAME.containsMatchIn(result.err) || STACK_FRAME.containsMatchIn(result.out), "a stack trace: $context")
        if (result.exitCode == 2) {
            assertTrue(result.errLines.isNotEmpty(), context)
            // The file at fault: the experiment, or a data file it names (a path written in it, possibly mutated).
            // A string value that is a path (with a '/'), or a file name resolved against the experiment's directory.
            val values = Regex(""""([^"]{3,})"""").findAll(text).map { it.groupValues[1] }.toList()
            val namedPaths = values.filter { '/' in it } + values.map { dir.resolve(it).toString() }
            for (line in result.errLines) {
                assertTrue(line.contains(file.fileName.toString()) || namedPaths.any { line.contains(it) }, "a line without the file: $line\n$context")
            }
        }
    }

    private companion object {
        val STACK_FRAME = Regex("""^\s+at [\w.$]+\(""", RegexOption.MULTILINE)
    }
}

/** Random mutations of JSON text: of its tree (a key deleted, a value's type or number changed) and of its text. */
internal object JsonMutations {
    private val NASTY_NUMBERS = listOf(
        "1e400", "-1e400", "-1", "0", "-0.0", "1e9", "1000000000", "2147483648", "-2147483649",
        "9223372036854775808", "1.5", "0.5", "1e-320", "100000", "\"NaN\"", "\"1e400\"", "\"-1\"", "\"0x10\"", "\"\"",
    )
    private val GARBAGE = listOf("\u0000", "\uFFFD", "\u00ff", "{", "}", "[", "]", ",", ":", "\"", "\\", "//", "/*", "\uFEFF", "\r")

    fun mutate(text: String, random: Random): String {
        val tree = try {
            Json.parseToJsonElement(text)
        } catch (e: Exception) {
            null
        }
        return when (random.nextInt(8)) {
            0 -> text.substring(0, random.nextInt(text.length + 1))
            1 -> random.nextInt(text.length + 1).let { at -> text.substring(0, at) + GARBAGE[random.nextInt(GARBAGE.size)] + text.substring(at) }
            2 -> repeatKey(text, random)
            3 -> Regex("""(?<=: )-?[0-9][0-9.eE+-]*""").findAll(text).toList().let { numbers ->
                // Bare NaN and Infinity are not JSON: the strict parser must say so, with the line.
                if (numbers.isEmpty()) text else text.replaceRange(numbers[random.nextInt(numbers.size)].range, listOf("NaN", "Infinity", "-Infinity", "0x10", "1_000", "01")[random.nextInt(6)])
            }
            else -> if (tree == null) text else changeOne(tree, random).toString()
        }
    }

    /** A `"key": value` line written twice. */
    private fun repeatKey(text: String, random: Random): String {
        val lines = text.lines().toMutableList()
        val keyed = lines.indices.filter { Regex("""^\s*"\w+":""").containsMatchIn(lines[it]) }
        if (keyed.isEmpty()) return text
        val i = keyed[random.nextInt(keyed.size)]
        lines.add(i, lines[i].trimEnd().let { if (it.endsWith(",")) it else "$it," })
        return lines.joinToString("\n")
    }

    /** The tree with one randomly chosen value deleted (from its object) or replaced. */
    private fun changeOne(tree: JsonElement, random: Random): JsonElement {
        val paths = mutableListOf<List<Any>>()
        collect(tree, emptyList(), paths)
        if (paths.isEmpty()) return tree
        val path = paths[random.nextInt(paths.size)]
        return replaceAt(tree, path, random)
    }

    private fun collect(element: JsonElement, path: List<Any>, into: MutableList<List<Any>>) {
        if (path.isNotEmpty()) into.add(path)
        when (element) {
            is JsonObject -> element.forEach { (k, v) -> collect(v, path + k, into) }
            is JsonArray -> element.forEachIndexed { i, v -> collect(v, path + i, into) }
            else -> {}
        }
    }

    private fun replaceAt(element: JsonElement, path: List<Any>, random: Random): JsonElement {
        if (path.size == 1) {
            val key = path[0]
            return when (element) {
                is JsonObject -> if (random.nextInt(4) == 0) JsonObject(element - (key as String)) else JsonObject(element + (key as String to replacement(element.getValue(key), random)))
                is JsonArray -> JsonArray(element.toMutableList().also { if (random.nextInt(4) == 0) it.removeAt(key as Int) else it[key as Int] = replacement(it[key], random) })
                else -> element
            }
        }
        val key = path[0]
        return when (element) {
            is JsonObject -> JsonObject(element + (key as String to replaceAt(element.getValue(key), path.drop(1), random)))
            is JsonArray -> JsonArray(element.toMutableList().also { it[key as Int] = replaceAt(it[key], path.drop(1), random) })
            else -> element
        }
    }

    private fun replacement(value: JsonElement, random: Random): JsonElement {
        val choice = random.nextInt(4)
        return when {
            value is JsonPrimitive && !value.isString && choice < 3 -> Json.parseToJsonElement(NASTY_NUMBERS[random.nextInt(NASTY_NUMBERS.size)])
            choice == 0 -> JsonPrimitive(listOf("relu", "softmx", "", "network < dense(1e9, relu) >", "network < >", "mnist", "x".repeat(200))[random.nextInt(7)])
            choice == 1 -> JsonNull
            choice == 2 -> listOf(JsonArray(emptyList()), JsonObject(emptyMap()), JsonPrimitive(true), JsonPrimitive(-1), JsonPrimitive(1e9))[random.nextInt(5)]
            else -> JsonPrimitive(random.nextGaussian() * Math.pow(10.0, random.nextInt(12) - 4.0))
        }
    }
}
