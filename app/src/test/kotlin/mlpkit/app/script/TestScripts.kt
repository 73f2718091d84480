package mlpkit.app.script

import java.nio.file.Path
import java.nio.file.Paths

/** The scripts under src/test/resources/scripts/, as paths on disk (the host reads files, not resources). */
internal fun testScript(name: String): Path {
    val url = requireNotNull(ScriptHostTest::class.java.getResource("/scripts/$name")) { "no test script $name" }
    return Paths.get(url.toURI())
}
