package mlpkit.app.docs

import java.nio.file.Files
import java.nio.file.Path

/**
 * The links of a markdown file as GitHub reads them: inline links and images `[text](target)`, reference links
 * `[text][label]` with their definitions `[label]: target`, and autolinks `<https://…>`, outside code blocks
 * and code spans; and the anchors its headings (and HTML `id`/`name` attributes) make.
 */
class MarkdownLinks(val file: Path) {
    /** One link: its [target] as written and the [line] it is on. */
    data class Link(val target: String, val line: Int)

    private val unfenced: List<String> = unfenced(Files.readAllLines(file))
    private val lines: List<String> = unfenced.map { it.replace(CODE_SPAN, "") }

    /** Every link target, in the order written; a reference link with no definition has the target `[label]?`. */
    val links: List<Link> by lazy {
        val definitions = HashMap<String, String>()
        lines.forEach { line -> DEFINITION.find(line)?.let { definitions[label(it.groupValues[1])] = it.groupValues[2] } }
        val found = ArrayList<Link>()
        lines.forEachIndexed { i, line ->
            val definition = DEFINITION.find(line)
            if (definition != null) {
                found += Link(definition.groupValues[2], i + 1)
                return@forEachIndexed
            }
            INLINE.findAll(line).forEach { found += Link(it.groupValues[1], i + 1) }
            AUTOLINK.findAll(line).forEach { found += Link(it.groupValues[1], i + 1) }
            REFERENCE.findAll(INLINE.replace(line, "")).forEach {
                val key = label(it.groupValues[2].ifEmpty { it.groupValues[1] })
                if (key !in definitions) found += Link("[$key]?", i + 1)
            }
        }
        found
    }

    /** The anchors `#…` that lead somewhere in this file. */
    val anchors: Set<String> by lazy {
        val seen = HashMap<String, Int>()
        val result = LinkedHashSet<String>()
        for (line in unfenced) {
            HTML_ID.findAll(line).forEach { result += it.groupValues[1] }
            val heading = HEADING.find(line) ?: continue
            val slug = slug(heading.groupValues[1])
            val count = seen.merge(slug, 1, Int::plus)!!
            result += if (count == 1) slug else "$slug-${count - 1}"
        }
        result
    }

    companion object {
        private val INLINE = Regex("""!?\[(?:[^\[\]]|\[[^\[\]]*])*]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+"[^"]*")?\s*\)""")
        private val DEFINITION = Regex("""^ {0,3}\[([^\]]+)]:\s*<?(\S+?)>?(?:\s+.*)?$""")
        private val REFERENCE = Regex("""\[([^\[\]]+)]\[([^\[\]]*)]""")
        private val AUTOLINK = Regex("""<((?:https?|ftp|mailto|file):[^\s>]+)>""")
        private val HEADING = Regex("""^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$""")
        private val HTML_ID = Regex("""<[a-zA-Z][^>]*\s(?:id|name)="([^"]+)"""")

        /** The label of a reference link as matched: case and runs of white space do not count. */
        private fun label(text: String) = text.trim().lowercase().replace(Regex("""\s+"""), " ")

        /**
         * GitHub's anchor for a heading: its text without markup, lower case, punctuation other than `-` and `_`
         * dropped, spaces as `-`.
         */
        fun slug(heading: String): String {
            val text = heading
                .replace(Regex("""!?\[([^\]]*)]\([^)]*\)"""), "$1")
                .replace(Regex("""<[^>]+>"""), "")
                .lowercase()
            return buildString {
                for (c in text) {
                    when {
                        c.isLetterOrDigit() || c == '-' || c == '_' -> append(c)
                        c == ' ' -> append('-')
                    }
                }
            }
        }

        private val CODE_SPAN = Regex("""(`+)(?:(?!\1).)+?\1""")

        /** The lines with fenced code blocks blanked (their text is not markdown). */
        private fun unfenced(raw: List<String>): List<String> {
            var fence: String? = null
            return raw.map { line ->
                val marker = Regex("""^ {0,3}(`{3,}|~{3,})""").find(line)?.groupValues?.get(1)
                when {
                    fence != null -> {
                        if (marker != null && marker[0] == fence!![0] && marker.length >= fence!!.length && line.trim() == marker) fence = null
                        ""
                    }
                    marker != null -> {
                        fence = marker
                        ""
                    }
                    else -> line
                }
            }
        }
    }
}
