package mlpkit.data.builtin

import mlpkit.data.ClassLabels
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.security.MessageDigest

class PenguinsTest {
    @Test
    fun `the shipped penguins file has the SHA-256 and licence its provenance records`() {
        val bytes = PenguinsTest::class.java.getResourceAsStream("$TABULAR_RESOURCES/penguins.csv")!!.use { it.readAllBytes() }
        val actual = MessageDigest.getInstance("SHA-256").digest(bytes).joinToString("") { "%02x".format(it) }
        val provenance = PenguinsTest::class.java.getResourceAsStream("$TABULAR_RESOURCES/PROVENANCE.md")!!.use { it.readAllBytes().decodeToString() }
        assertEquals("f204db2c753b0937caac3cb35258562c14f073e4bbc76be24b4c51ce22767a93", actual)
        assertTrue("$actual  penguins.csv" in provenance)
        assertTrue("CC0 1.0" in provenance && "palmerpenguins 0.1.1" in provenance)
    }

    @Test
    fun `penguins reads as a table of 344 rows with species as the target and island and sex inferred categorical`() {
        val set = BuiltInSets.get("penguins")
        val table = set.table!!.read()
        assertEquals(listOf("species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year"), table.names)
        assertEquals(344, table.rowCount)
        val dataset = set.load()
        assertEquals(listOf("Adelie", "Chinstrap", "Gentoo"), (dataset.targets as ClassLabels).classNames)
        assertEquals(listOf(152, 68, 124), (dataset.targets as ClassLabels).counts().toList())
    }
}
