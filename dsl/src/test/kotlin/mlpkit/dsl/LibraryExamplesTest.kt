package mlpkit.dsl

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import mlpkit.examples.IrisFromJava
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * README.md's "Use mlpkit from your code": the example programs in examples/library/ (test sources of this module, see
 * the pom) run, print what they say, and the README holds each of them exactly; its Maven coordinates are the poms'.
 */
class LibraryExamplesTest {
    private val readme = Files.readString(Path.of("../README.md"))

    private fun printed(program: () -> Unit): List<String> {
        val original = System.out
        val bytes = ByteArrayOutputStream()
        System.setOut(PrintStream(bytes, true, Charsets.UTF_8))
        try {
            program()
        } finally {
            System.setOut(original)
        }
        return bytes.toString(Charsets.UTF_8).trimEnd().lines()
    }

    /**
     * What both programs print after training: the summary of 4-16-3 (4 × 16 + 16 = 80 and 16 × 3 + 3 = 51 parameters,
     * 131 in all), then setosa and virginica predicted for the two flowers, both right.
     */
    private fun assertSummaryAndPredictions(lines: List<String>) {
        val summary = lines.dropWhile { !it.startsWith("Model: ") }
        assertEquals(
            listOf(
                "Model: \"iris\" (4 inputs, loss softmax-ce)",
                "_".repeat(51),
                " Layer (type)                 Output Shape  Param #",
                "=".repeat(51),
                " dense_1 (dense(16, relu))    (batch, 16)        80",
                " dense_2 (dense(3, softmax))  (batch, 3)         51",
                "=".repeat(51),
                "Total params: 131",
                "Trainable params: 131",
                "Non-trainable params: 0",
                "_".repeat(51),
                "predicted: setosa, virginica",
                "accuracy on the two flowers: 1.0",
            ),
            summary,
        )
    }

    @Test
    fun `the Java example trains iris, prints its test accuracy and summary, and predicts with the model it saved and loaded`() {
        val lines = printed { IrisFromJava.main(arrayOf()) }
        assertEquals(TEST_ACCURACY, lines[0])
        assertSummaryAndPredictions(lines.drop(1))
        val shown = "```\n" + lines.joinToString("\n") + "\n```\n"
        assertTrue(readme.contains(shown), "README.md should show what the Java example prints:\n$shown")
    }

    @Test
    fun `the Kotlin example trains the same network through its hooks, then does the same`() {
        val lines = printed { mlpkit.examples.main() }
        assertEquals(listOf("epoch 25: loss", "epoch 50: loss"), lines.take(2).map { it.substringBefore(" 0.").substringBefore(" 1.") })
        assertEquals(TEST_ACCURACY, lines[2])
        assertSummaryAndPredictions(lines.drop(3))
    }

    @Test
    fun `the README holds each library example exactly as its file`() {
        for ((file, language) in listOf("java/mlpkit/examples/IrisFromJava.java" to "java", "kotlin/mlpkit/examples/IrisFromKotlin.kt" to "kotlin")) {
            val begin = "<!-- BEGIN examples/library/$file -->\n```$language\n"
            val end = "```\n<!-- END examples/library/$file -->"
            val start = readme.indexOf(begin)
            assertTrue(start >= 0 && readme.indexOf(end, start) > 0, "README.md has no block for examples/library/$file between the markers $begin … $end")
            assertEquals(
                Files.readString(Path.of("../examples/library").resolve(file)),
                readme.substring(start + begin.length, readme.indexOf(end, start)),
                "README.md's copy of examples/library/$file differs from the file: copy the file between its markers",
            )
        }
    }

    @Test
    fun `the README's Maven coordinates are the dsl pom's`() {
        val pom = Files.readString(Path.of("pom.xml"))
        fun first(tag: String, text: String) = Regex("<$tag>([^<]+)</$tag>").find(text)!!.groupValues[1]
        val parent = pom.substringAfter("<parent>").substringBefore("</parent>")
        val own = pom.substringAfter("</parent>")
        val coordinates = "<dependency>\n  <groupId>${first("groupId", parent)}</groupId>\n  <artifactId>${first("artifactId", own)}</artifactId>\n" +
            "  <version>${first("version", parent)}</version>\n</dependency>"
        assertEquals("<dependency>\n  <groupId>mlpkit</groupId>\n  <artifactId>mlpkit-dsl</artifactId>\n  <version>0.1.0-SNAPSHOT</version>\n</dependency>", coordinates)
        assertTrue(readme.substringAfter("## Use mlpkit from your code").contains("```xml\n$coordinates\n```"), "README.md should show $coordinates")
    }

    @Test
    fun `the standalone project in examples library depends on the root pom's coordinates and builds with its Kotlin and plugin versions`() {
        val root = Files.readString(Path.of("../pom.xml"))
        val dsl = Files.readString(Path.of("pom.xml"))
        val project = Files.readString(Path.of("../examples/library/pom.xml"))
        fun first(tag: String, text: String) = Regex("<$tag>([^<]+)</$tag>").find(text)!!.groupValues[1]
        val dependency = project.substringAfter("</dependencyManagement>").substringAfter("<dependencies>").substringBefore("</dependencies>")
        assertEquals(
            listOf(first("groupId", root), first("artifactId", dsl.substringAfter("</parent>")), first("version", root)),
            listOf(first("groupId", dependency), first("artifactId", dependency), first("version", dependency)),
            "examples/library/pom.xml should depend on mlpkit-dsl as the root pom names and versions it",
        )
        assertEquals(listOf("mlpkit", "mlpkit-dsl", "0.1.0-SNAPSHOT"), listOf(first("groupId", dependency), first("artifactId", dependency), first("version", dependency)))
        for (property in listOf("kotlin.version", "kotlin.compiler.jvmTarget", "maven.compiler.release")) {
            assertEquals(first(property, root), first(property, project), "examples/library/pom.xml's <$property> should be the root pom's")
        }
        // Every plugin the project names, at the version the root build uses (so a root `mvn install` has fetched it).
        val plugins = Regex("<artifactId>([^<]+-plugin)</artifactId>\\s*<version>([^<]+)</version>").findAll(project).map { it.groupValues[1] to it.groupValues[2] }.toList()
        assertEquals(listOf("kotlin-maven-plugin", "maven-compiler-plugin", "maven-resources-plugin", "maven-surefire-plugin", "maven-jar-plugin", "exec-maven-plugin"), plugins.map { it.first })
        for ((plugin, version) in plugins) {
            val managed = Regex("<artifactId>$plugin</artifactId>\\s*<version>([^<]+)</version>").find(root)?.groupValues?.get(1)
            assertEquals(managed, version, "examples/library/pom.xml's $plugin should have the root pom's version")
        }
    }

    private companion object {
        /** Measured on the 30 test rows (seed 0). */
        const val TEST_ACCURACY = "test accuracy: 1.0"
    }
}
