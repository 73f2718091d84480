package mlpkit.app.docs

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.net.URI
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.extension
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name

/**
 * Every link of README.md and of the markdown files in docs/ leads somewhere inside a clone of the repository: a relative file that
 * exists, an anchor that one of its headings makes, nothing above the repository's root. Links to public web
 * sites (https) may stay; the test prints which.
 */
class DocLinksTest {
    private val root: Path = Path.of("..").toAbsolutePath().normalize()

    private fun documents(): List<Path> =
        listOf(root.resolve("README.md")) + root.resolve("docs").listDirectoryEntries("*.md").sortedBy { it.name }

    @Test
    fun `every link of README and the docs resolves inside the repository, anchors included`() {
        val problems = ArrayList<String>()
        val external = ArrayList<String>()
        for (document in documents()) {
            val markdown = MarkdownLinks(document)
            for (link in markdown.links) {
                val where = "${root.relativize(document)}:${link.line}: ${link.target}"
                problem(document, markdown, link.target, external, where)?.let { problems += "$where: $it" }
            }
        }
        println("Links to web sites in README.md and docs/ (${external.size}):\n" + external.joinToString("\n"))
        assertTrue(problems.isEmpty(), "links that do not resolve in a clone:\n" + problems.joinToString("\n"))
    }

    @Test
    fun `the link check finds a missing file, a missing anchor, a path above the root and an undefined reference`(@org.junit.jupiter.api.io.TempDir dir: Path) {
        val docs = Files.createDirectories(dir.resolve("docs"))
        Files.writeString(docs.resolve("a.md"), "# Title\n\n## The `b` part: yes!\n\n## The `b` part: yes!\n")
        val file = docs.resolve("b.md")
        Files.writeString(
            file,
            """
            [ok](a.md#the-b-part-yes) [second](a.md#the-b-part-yes-1) [self](#here) [web](https://example.org/x)
            ## Here
            [gone](missing.md) [no anchor](a.md#nowhere) [up](../../shared/x.md) [ref][nolabel] ![img](pic.png)
            ```
            [in code](nothing.md)
            ```
            `[span](nothing.md)` [def]
            [def]: a.md
            """.trimIndent(),
        )
        val markdown = MarkdownLinks(file)
        assertEquals(
            listOf("a.md#the-b-part-yes", "a.md#the-b-part-yes-1", "#here", "https://example.org/x", "missing.md", "a.md#nowhere",
                "../../shared/x.md", "pic.png", "[nolabel]?", "a.md"),
            markdown.links.map { it.target },
        )
        val results = markdown.links.associate { it.target to problem(file, markdown, it.target, ArrayList(), "", dir) }
        assertEquals(null, results["a.md#the-b-part-yes"])
        assertEquals(null, results["a.md#the-b-part-yes-1"])
        assertEquals(null, results["#here"])
        assertEquals(null, results["https://example.org/x"])
        assertEquals(null, results["a.md"])
        assertEquals("no such file docs/missing.md", results["missing.md"])
        assertEquals("no heading of docs/a.md makes the anchor #nowhere (it has #title, #the-b-part-yes, #the-b-part-yes-1)", results["a.md#nowhere"])
        assertEquals("leads outside the repository, to ../shared/x.md", results["../../shared/x.md"])
        assertEquals("no such file docs/pic.png", results["pic.png"])
        assertEquals("the reference [nolabel] has no definition [nolabel]: target", results["[nolabel]?"])
    }

    /** Null when [target], written in [document], resolves inside [base]; else what is wrong. Web links go to [external]. */
    private fun problem(document: Path, markdown: MarkdownLinks, target: String, external: MutableList<String>, where: String, base: Path = root): String? {
        if (target.startsWith("[") && target.endsWith("]?")) {
            val label = target.removeSuffix("?")
            return "the reference $label has no definition $label: target"
        }
        val scheme = Regex("^([a-zA-Z][a-zA-Z0-9+.-]*):").find(target)?.groupValues?.get(1)?.lowercase()
        if (scheme != null) {
            if (scheme != "https" && scheme != "http") return "a $scheme: link, which no clone can follow"
            val host = URI(target).host ?: return "a web link without a host"
            if (host == "localhost" || host.startsWith("127.")) return "a link to this machine"
            external += where
            return null
        }
        val path = target.substringBefore('#')
        val anchor = if ('#' in target) target.substringAfter('#') else null
        val file = if (path.isEmpty()) document else document.parent.resolve(java.net.URLDecoder.decode(path, Charsets.UTF_8)).normalize()
        if (!file.startsWith(base)) return "leads outside the repository, to ${base.relativize(file)}"
        if (!Files.exists(file)) return "no such file ${base.relativize(file)}"
        if (anchor == null || Files.isDirectory(file) || file.extension != "md") return null
        val anchors = if (file == document) markdown.anchors else MarkdownLinks(file).anchors
        return if (anchor in anchors) null else
            "no heading of ${base.relativize(file)} makes the anchor #$anchor (it has ${anchors.joinToString(", ") { "#$it" }})"
    }
}
