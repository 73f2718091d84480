package mlpkit.dsl.resolve

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.data.random.RandomState
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** `data.source.sampleWeight` of a numeric CSV: a column of row weights, taken out of the features. */
class CsvSampleWeightTest {
    @TempDir
    lateinit var dir: Path

    private fun csv(): String {
        val file = dir.resolve("weighted.csv")
        Files.writeString(file, "a,w,b,label\n1.0,0.5,2.0,x\n3.0,2.0,4.0,y\n5.0,1.5,6.0,x\n")
        return file.toString()
    }

    @Test
    fun `the named column becomes the rows' weights and leaves the features`() {
        val data = DataResolver().resolve(DataSpec(DataSource.Csv(csv(), sampleWeight = "w")), RandomState(0), 0)
        assertEquals(2, data.train.features.cols)
        assertEquals(listOf("a", "b"), data.featureNames)
        assertArrayEquals(doubleArrayOf(3.0, 4.0), data.train.features.row(1), 0.0)
        assertArrayEquals(doubleArrayOf(0.5, 2.0, 1.5), data.train.weights, 0.0)
    }

    @Test
    fun `an unknown column lists the file's columns and the field is left out of specs when not given`() {
        val e = assertThrows<IllegalArgumentException> {
            DataResolver().resolve(DataSpec(DataSource.Csv(csv(), sampleWeight = "weight")), RandomState(0), 0)
        }
        assertTrue(e.message!!.contains("names the column 'weight', which") && e.message!!.contains("expected one of a, w, b"), e.message)
        assertFalse("sampleWeight" in SpecJson.format.encodeToString(DataSpec.serializer(), DataSpec(DataSource.Csv("t.csv"))))
    }
}
