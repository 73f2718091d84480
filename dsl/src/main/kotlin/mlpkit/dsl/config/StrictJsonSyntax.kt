package mlpkit.dsl.config

/**
 * A strict RFC 8259 syntax check that runs before kotlinx.serialization sees the text, because
 * `decodeFromString` accepts a missing comma between members (kotlinx.serialization issue #2287) and its
 * syntax messages give an offset rather than a line and column. Rejects, with the line, column and the
 * path of the enclosing value: missing and trailing commas, comments, single quotes, unquoted keys,
 * duplicate keys, malformed strings and numbers, non-JSON words (NaN, True), unclosed containers and
 * text after the document.
 */
internal class StrictJsonSyntax private constructor(private val text: String, private val file: String) {
    private var pos = 0

    companion object {
        private const val DEEPEST_NESTING = 200
        private val NUMBER = Regex("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")

        /** Throws the first syntax error of [text] (read from [file]) as a [ConfigException]. */
        fun check(text: String, file: String) = StrictJsonSyntax(text, file).document()
    }

    private fun document() {
        skipSpace(JsonPath.ROOT)
        if (pos >= text.length) {
            throw ConfigException(file, "$", "the file is empty (expected a JSON object, got the end of the file)")
        }
        value(JsonPath.ROOT, depth = 0)
        skipSpace(JsonPath.ROOT)
        if (pos < text.length) fail(JsonPath.ROOT, "text after the end of the JSON document", "the end of the file")
    }

    private fun value(path: JsonPath, depth: Int) {
        if (depth > DEEPEST_NESTING) fail(path, "nesting too deep", "at most $DEEPEST_NESTING nested objects and lists")
        when (val c = peek()) {
            '{' -> obj(path, depth)
            '[' -> array(path, depth)
            '"' -> string(path)
            '\'' -> fail(path, "single-quoted string", "a string in double quotes")
            else -> if (c == '-' || c in '0'..'9') number(path) else word(path)
        }
    }

    private fun obj(path: JsonPath, depth: Int) {
        val opened = pos++
        val keys = HashSet<String>()
        skipSpace(path)
        if (peek() == '}') {
            pos++
            return
        }
        while (true) {
            when (peek()) {
                '"' -> {}
                '}' -> fail(path, "trailing comma", "another \"key\": value after ','", hint = "; JSON does not allow a comma before '}'")
                '\'' -> fail(path, "single-quoted key", "a key in double quotes")
                END -> unclosed(path, "object", opened, "a key in double quotes")
                else -> fail(path, "key without quotes", "a key in double quotes")
            }
            val keyAt = pos
            val key = string(path)
            val member = path.key(key)
            if (!keys.add(key)) {
                failAt(member, keyAt, "duplicate key", "each key once per object", hint = "; remove one of the two ${JsonText.quoted(key)}")
            }
            skipSpace(member)
            if (peek() != ':') fail(member, "missing ':'", "':' after the key ${JsonText.quoted(key)}")
            pos++
            skipSpace(member)
            if (peek() == END || peek() == '}' || peek() == ',') fail(member, "missing value", "a value for ${JsonText.quoted(key)}")
            value(member, depth + 1)
            skipSpace(path)
            when (peek()) {
                ',' -> {
                    pos++
                    skipSpace(path)
                }
                '}' -> {
                    pos++
                    return
                }
                '"' -> fail(path, "missing comma", "',' or '}' after the value of ${JsonText.quoted(key)}")
                END -> unclosed(path, "object", opened, "',' or '}' after the value of ${JsonText.quoted(key)}")
                else -> fail(path, "unexpected character", "',' or '}' after the value of ${JsonText.quoted(key)}")
            }
        }
    }

    private fun array(path: JsonPath, depth: Int) {
        val opened = pos++
        skipSpace(path)
        if (peek() == ']') {
            pos++
            return
        }
        var index = 0
        while (true) {
            val element = path.index(index)
            when (peek()) {
                ']' -> fail(path, "trailing comma", "another value after ','", hint = "; JSON does not allow a comma before ']'")
                ',' -> fail(element, "missing value", "a value between the commas")
                END -> unclosed(path, "list", opened, "a value")
            }
            value(element, depth + 1)
            skipSpace(path)
            when (peek()) {
                ',' -> {
                    pos++
                    skipSpace(path)
                    index++
                }
                ']' -> {
                    pos++
                    return
                }
                END -> unclosed(path, "list", opened, "',' or ']' after $element")
                '"', '{', '[', '-', in '0'..'9', 't', 'f', 'n' -> fail(path, "missing comma", "',' or ']' after $element")
                else -> fail(path, "unexpected character", "',' or ']' after $element")
            }
        }
    }

    /** Reads a string literal at [pos] (which is at its opening quote) and returns its content. */
    private fun string(path: JsonPath): String {
        val opened = pos++
        val content = StringBuilder()
        while (true) {
            val c = peek()
            when {
                c == END -> failAt(path, opened, "unterminated string", "a closing '\"'", got = "the end of the file")
                c == '"' -> {
                    pos++
                    return content.toString()
                }
                c == '\n' || c == '\r' -> failAt(path, opened, "unterminated string", "a closing '\"' on the same line", got = "a line break")
                c < ' ' -> fail(path, "control character in a string", "it escaped, e.g. \\t", got = "U+%04X".format(c.code))
                c == '\\' -> content.append(escape(path))
                else -> {
                    content.append(c)
                    pos++
                }
            }
        }
    }

    private fun escape(path: JsonPath): Char {
        pos++
        val c = peek()
        val simple = when (c) {
            '"' -> '"'
            '\\' -> '\\'
            '/' -> '/'
            'b' -> '\b'
            'f' -> '\u000C'
            'n' -> '\n'
            'r' -> '\r'
            't' -> '\t'
            else -> null
        }
        if (simple != null) {
            pos++
            return simple
        }
        if (c == 'u') {
            val hex = text.substring(pos + 1, minOf(pos + 5, text.length)).takeWhile { it.isDigit() || it.lowercaseChar() in 'a'..'f' }
            if (hex.length == 4) {
                pos += 5
                return hex.toInt(16).toChar()
            }
            fail(path, "bad escape", "four hex digits after \\u", got = "'\\u$hex'")
        }
        pos--
        fail(path, "bad escape", "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", got = "'\\${if (c == END) "" else c}'")
    }

    private fun number(path: JsonPath) {
        val match = NUMBER.matchAt(text, pos)
        val end = match?.range?.last?.plus(1) ?: pos
        if (match == null || (end < text.length && !isDelimiter(text[end]))) {
            fail(path, "malformed number", "a JSON number such as 10, -2.5 or 1e-3")
        }
        pos = end
    }

    private fun word(path: JsonPath) {
        val word = wordAt(pos)
        when (word) {
            "true", "false", "null" -> pos += word.length
            "True", "False", "TRUE", "FALSE" -> fail(path, "not a JSON value", "true or false in lower case")
            "" -> fail(path, "unexpected character", "a value (an object, a list, a string, a number, true, false or null)")
            else -> fail(
                path,
                if (word in listOf("NaN", "Infinity", "undefined", "None")) "not a JSON value" else "text without quotes",
                "a value (an object, a list, a string in double quotes, a number, true, false or null)",
            )
        }
    }

    /** Skips JSON whitespace; a comment is an error here because it would otherwise look like whitespace. */
    private fun skipSpace(path: JsonPath) {
        while (pos < text.length && text[pos] in " \t\n\r") pos++
        if (text.startsWith("//", pos) || text.startsWith("/*", pos)) {
            fail(path, "comment", "JSON without comments", got = "'${text.substring(pos, pos + 2)}'", hint = "; remove it")
        }
        if (peek() == '#') fail(path, "comment", "JSON without comments", got = "'#'", hint = "; remove it")
    }

    /** At the end of the file, so the end's position goes with "got" and the opening's with what is wrong. */
    private fun unclosed(path: JsonPath, kind: String, opened: Int, expected: String): Nothing {
        val (line, column) = lineAndColumn(opened)
        val (endLine, endColumn) = lineAndColumn(pos)
        throw ConfigException(
            file, path.toString(),
            "malformed JSON, the $kind opened at line $line, column $column is not closed " +
                "(expected $expected, got the end of the file at line $endLine, column $endColumn)",
        )
    }

    private fun fail(path: JsonPath, what: String, expected: String, got: String = describeToken(pos), hint: String = ""): Nothing =
        failAt(path, pos, what, expected, got, hint)

    private fun failAt(path: JsonPath, at: Int, what: String, expected: String, got: String = describeToken(at), hint: String = ""): Nothing {
        val (line, column) = lineAndColumn(at)
        throw ConfigException(file, path.toString(), "malformed JSON, $what at line $line, column $column (expected $expected, got $got)$hint")
    }

    /** What is at [at], for "got …": a whole string literal or word where there is one, else the character. */
    private fun describeToken(at: Int): String {
        if (at >= text.length) return "the end of the file"
        val c = text[at]
        if (c == '"') {
            val close = text.indexOf('"', at + 1).takeIf { it in (at + 1)..(at + 40) && '\n' !in text.substring(at, it) }
            if (close != null) return text.substring(at, close + 1)
        }
        val word = wordAt(at)
        return if (word.isNotEmpty()) "'${word.take(40)}'" else "'$c'"
    }

    private fun wordAt(at: Int): String {
        var end = at
        while (end < text.length && (text[end].isLetterOrDigit() || text[end] in "_.+-")) end++
        return text.substring(at, end)
    }

    private fun isDelimiter(c: Char) = c in " \t\n\r,]}" || c == '/'

    private fun lineAndColumn(at: Int): Pair<Int, Int> {
        var line = 1
        var lineStart = 0
        for (i in 0 until minOf(at, text.length)) {
            if (text[i] == '\n') {
                line++
                lineStart = i + 1
            }
        }
        return line to (at - lineStart + 1)
    }

    private fun peek(): Char = if (pos < text.length) text[pos] else END
}

/** Stands for the end of the text in [StrictJsonSyntax] (JSON text cannot contain a raw U+0000 outside strings). */
private const val END = '\u0000'
