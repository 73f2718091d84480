package mlpkit.estimator

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** docs/estimators.md's parameter table is the one the declarations give. */
class EstimatorDocsTest {
    @Test
    fun `the parameter table of docs-estimators-md is derived from the declarations`() {
        val doc = Files.readString(Path.of("../docs/estimators.md"))
        val table = MlpParams.markdownTable()
        assertTrue(doc.contains(table)) { "docs/estimators.md's parameter table differs from the declarations; it should read:\n$table" }
    }
}
