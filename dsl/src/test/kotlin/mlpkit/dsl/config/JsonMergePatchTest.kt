package mlpkit.dsl.config

import kotlinx.serialization.json.Json
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource

class JsonMergePatchTest {
    /** The examples of RFC 7386, appendix A. */
    @ParameterizedTest(name = "{0} patched with {1} is {2}")
    @CsvSource(
        delimiter = '|',
        value = [
            """{"a":"b"}           | {"a":"c"}          | {"a":"c"}""",
            """{"a":"b"}           | {"b":"c"}          | {"a":"b","b":"c"}""",
            """{"a":"b"}           | {"a":null}         | {}""",
            """{"a":"b","b":"c"}   | {"a":null}         | {"b":"c"}""",
            """{"a":["b"]}         | {"a":"c"}          | {"a":"c"}""",
            """{"a":"c"}           | {"a":["b"]}        | {"a":["b"]}""",
            """{"a":{"b":"c"}}     | {"a":{"b":"d","c":null}} | {"a":{"b":"d"}}""",
            """{"a":[{"b":"c"}]}   | {"a":[1]}          | {"a":[1]}""",
            """["a","b"]           | ["c","d"]          | ["c","d"]""",
            """{"a":"b"}           | ["c"]              | ["c"]""",
            """{"a":"foo"}         | null               | null""",
            """{"a":"foo"}         | "bar"              | "bar"""",
            """{"e":null}          | {"a":1}            | {"e":null,"a":1}""",
            """[1,2]               | {"a":"b","c":null} | {"a":"b"}""",
            """{}                  | {"a":{"bb":{"ccc":null}}} | {"a":{"bb":{}}}""",
        ],
    )
    fun `RFC 7386 examples`(target: String, patch: String, result: String) {
        assertEquals(Json.parseToJsonElement(result), JsonMergePatch.apply(Json.parseToJsonElement(target), Json.parseToJsonElement(patch)))
    }
}
