package mlpkit.dsl.config

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource

class JsonSyntaxErrorsTest {
    @Test
    fun `malformed JSON names the line, the column and the unclosed object`() {
        assertEquals(
            "moons.json: $.training: malformed JSON, the object opened at line 5, column 15 is not closed " +
                "(expected ',' or '}' after the value of \"batchSize\", got the end of the file at line 5, column 113)",
            firstProblem(MOONS.removeSuffix("}").trimEnd().removeSuffix("}")),
        )
    }

    @Test
    fun `a missing comma between members is rejected although kotlinx decodeFromString accepts it`() {
        val text = moonsWith("\"epochs\": 300,", "\"epochs\": 300")
        assertEquals(
            "moons.json: $.training: malformed JSON, missing comma at line 5, column 93 " +
                "(expected ',' or '}' after the value of \"epochs\", got \"batchSize\")",
            firstProblem(text),
        )
    }

    @Test
    fun `a trailing comma is rejected`() {
        assertEquals(
            "moons.json: $.training: malformed JSON, trailing comma at line 5, column 114 " +
                "(expected another \"key\": value after ',', got '}'); JSON does not allow a comma before '}'",
            firstProblem(moonsWith("\"batchSize\": \"full\"}", "\"batchSize\": \"full\",}")),
        )
    }

    @Test
    fun `a comment is rejected`() {
        assertEquals(
            "moons.json: $: malformed JSON, comment at line 2, column 20 (expected JSON without comments, got '//'); remove it",
            firstProblem(moonsWith("\"name\": \"moons\",", "\"name\": \"moons\", // the classic")),
        )
    }

    @Test
    fun `a key given twice is rejected`() {
        assertEquals(
            "moons.json: $.name: malformed JSON, duplicate key at line 2, column 20 " +
                "(expected each key once per object, got \"name\"); remove one of the two \"name\"",
            firstProblem(moonsWith("\"name\": \"moons\",", "\"name\": \"moons\", \"name\": \"other\",")),
        )
    }

    @Test
    fun `a value that is not JSON is rejected with its path`() {
        assertEquals(
            "moons.json: $.training.optimizer.lr: malformed JSON, not a JSON value at line 5, column 73 " +
                "(expected a value (an object, a list, a string in double quotes, a number, true, false or null), got 'NaN')",
            firstProblem(moonsWith("\"lr\": 0.5", "\"lr\": NaN")),
        )
    }

    @Test
    fun `an empty file is rejected`() {
        assertEquals("moons.json: $: the file is empty (expected a JSON object, got the end of the file)", firstProblem("  \n"))
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        value = [
            """{name: 1}       | $: malformed JSON, key without quotes at line 1, column 2 (expected a key in double quotes, got 'name')""",
            """{"name": 'x'}   | $.name: malformed JSON, single-quoted string at line 1, column 10 (expected a string in double quotes, got ''')""",
            """{"name": "abc   | $.name: malformed JSON, unterminated string at line 1, column 10 (expected a closing '"', got the end of the file)""",
            """{"name" 1}      | $.name: malformed JSON, missing ':' at line 1, column 9 (expected ':' after the key "name", got '1')""",
            """{"a": 01}       | $.a: malformed JSON, malformed number at line 1, column 7 (expected a JSON number such as 10, -2.5 or 1e-3, got '01')""",
            """{"a": [1 2]}    | $.a: malformed JSON, missing comma at line 1, column 10 (expected ',' or ']' after $.a[0], got '2')""",
            """{"a": [1,]}     | $.a: malformed JSON, trailing comma at line 1, column 10 (expected another value after ',', got ']'); JSON does not allow a comma before ']'""",
            """{"a": True}     | $.a: malformed JSON, not a JSON value at line 1, column 7 (expected true or false in lower case, got 'True')""",
            """{"a": "\u12"}   | $.a: malformed JSON, bad escape at line 1, column 9 (expected four hex digits after \u, got '\u12')""",
            """{} x            | $: malformed JSON, text after the end of the JSON document at line 1, column 4 (expected the end of the file, got 'x')""",
        ],
    )
    fun `other syntax errors are rejected with their line, column and path`(text: String, problem: String) {
        assertEquals("moons.json: $problem", firstProblem(text))
    }
}
