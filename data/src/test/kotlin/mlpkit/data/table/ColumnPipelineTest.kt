package mlpkit.data.table

import kotlinx.serialization.json.Json
import mlpkit.data.csv.CsvFormatException
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ColumnPipelineTest {
    private fun table(text: String) = TableReader.read(text.trimIndent().reader(), "pets.csv")

    private val pets = table(
        """
        kind,colour,weight,age
        cat,black,4,2
        dog,brown,NA,3
        cat,?,6,NaN
        dog,black,10,5

        cat,white,,7
        """,
    )
    private val all = IntArray(5) { it }

    @Test
    fun `the reader keeps each row's line and the header's names`() {
        assertEquals(listOf("kind", "colour", "weight", "age"), pets.names)
        assertEquals(5, pets.rowCount)
        assertEquals(listOf(2L, 3L, 4L, 5L, 7L), (0 until 5).map { pets.line(it) })
        assertEquals("", pets.field(4, 2))
    }

    @Test
    fun `a row with another number of fields is refused with its line`() {
        val e = assertThrows<CsvFormatException> { table("a,b\n1,2\n3\n") }
        assertEquals("pets.csv:3: expected 2 columns (as in the header on line 1), got 1: check for a missing or extra ','", e.message)
    }

    @Test
    fun `a column with any text that is not missing is inferred categorical, the others numeric`() {
        val pipeline = ColumnPipeline.fit(pets, listOf("colour", "weight"), all, mapOf("colour" to ColumnOptions(missing = Imputation.MOST_FREQUENT), "weight" to ColumnOptions(missing = Imputation.MEDIAN)))
        assertEquals(
            "colour: categorical (inferred: not every value is a number), 3 categories (black, brown, white), missing mostFrequent → 'black', unknown categories refused\n" +
                "weight: numeric (inferred), missing median → 6.0, scaling none",
            pipeline.describe(),
        )
        assertEquals(listOf("colour=black", "colour=brown", "colour=white", "weight"), pipeline.featureNames)
    }

    @Test
    fun `a missing value is refused by default with the file, line, column and the option to set`() {
        val e = assertThrows<CsvFormatException> { ColumnPipeline.fit(pets, listOf("weight"), all) }
        assertEquals(
            "pets.csv:3: column 'weight': missing value 'NA'; expected a value, or set \"missing\": \"mean\" (or median, mostFrequent, constant) " +
                "for this column in data.source.columns",
            e.message,
        )
        assertEquals(3L, e.line)
    }

    @Test
    fun `mean, median, most frequent and constant fill as SimpleImputer does`() {
        // weight's present values 4, 6, 10: mean 20/3, median 6; age's 2, 3, 5, 7: median (3 + 5) / 2 = 4.
        fun fill(column: String, options: ColumnOptions) =
            (ColumnPipeline.fit(pets, listOf(column), all, mapOf(column to options)).columns[0] as FittedColumn.Numeric).fill
        assertEquals(20.0 / 3, fill("weight", ColumnOptions(missing = Imputation.MEAN)))
        assertEquals(6.0, fill("weight", ColumnOptions(missing = Imputation.MEDIAN)))
        assertEquals(4.0, fill("age", ColumnOptions(missing = Imputation.MEDIAN)))
        // every age occurs once: the tie goes to the smallest, 2.
        assertEquals(2.0, fill("age", ColumnOptions(missing = Imputation.MOST_FREQUENT)))
        assertEquals(-1.0, fill("age", ColumnOptions(missing = Imputation.CONSTANT, fill = "-1")))
        val kind = ColumnPipeline.fit(pets, listOf("kind"), all, mapOf("kind" to ColumnOptions(missing = Imputation.MOST_FREQUENT))).columns[0] as FittedColumn.Categorical
        // cat 3, dog 2
        assertEquals("cat", kind.fill)
        val tie = table("c\nb\na\nb\na\n")
        val tied = ColumnPipeline.fit(tie, listOf("c"), IntArray(4) { it }, mapOf("c" to ColumnOptions(missing = Imputation.MOST_FREQUENT))).columns[0] as FittedColumn.Categorical
        assertEquals("a", tied.fill)
    }

    @Test
    fun `one-hot columns follow the sorted categories, and imputed values are encoded as their fill`() {
        val pipeline = ColumnPipeline.fit(pets, listOf("colour"), all, mapOf("colour" to ColumnOptions(missing = Imputation.CONSTANT, fill = "grey")))
        assertEquals(listOf("colour=black", "colour=brown", "colour=grey", "colour=white"), pipeline.featureNames)
        val x = pipeline.transform(pets)
        assertArrayEquals(doubleArrayOf(0.0, 0.0, 1.0, 0.0), x.getRow(2))
        assertArrayEquals(doubleArrayOf(0.0, 0.0, 0.0, 1.0), x.getRow(4))
    }

    @Test
    fun `an unknown category is an error naming the column, value and line, or all zeros when ignored`() {
        val fitted = ColumnPipeline.fit(pets, listOf("kind"), all)
        val other = table("kind\ncat\nfox\n")
        val e = assertThrows<CsvFormatException> { fitted.transform(other) }
        assertEquals(
            "pets.csv:3: column 'kind': category 'fox' was not seen in the training rows; expected one of 'cat', 'dog': correct the value, " +
                "or set \"unknown\": \"ignore\" for this column in data.source.columns (it is then encoded as all zeros)",
            e.message,
        )
        val ignoring = ColumnPipeline.fit(pets, listOf("kind"), all, mapOf("kind" to ColumnOptions(ignoreUnknown = true)))
        val x = ignoring.transform(other)
        assertArrayEquals(doubleArrayOf(1.0, 0.0), x.getRow(0))
        assertArrayEquals(doubleArrayOf(0.0, 0.0), x.getRow(1))
    }

    @Test
    fun `statistics come from the training rows only, so changing another row leaves the fitted pipeline unchanged`() {
        val options = mapOf("weight" to ColumnOptions(missing = Imputation.MEAN), "colour" to ColumnOptions(missing = Imputation.MOST_FREQUENT))
        val train = intArrayOf(0, 1, 3)
        val fitted = ColumnPipeline.fit(pets, listOf("colour", "weight"), train, options, ColumnScaling.STANDARD)
        val changed = table(
            """
            kind,colour,weight,age
            cat,black,4,2
            dog,brown,NA,3
            cat,purple,600,NaN
            dog,black,10,5
            cat,purple,1000,7
            """,
        )
        assertEquals(fitted, ColumnPipeline.fit(changed, listOf("colour", "weight"), train, options, ColumnScaling.STANDARD))
        // weight's training values 4 and 10 (NA filled with their mean 7): mean 7, population std √6.
        val weight = fitted.columns[1] as FittedColumn.Numeric
        assertEquals(7.0, weight.fill)
        assertEquals((4.0 - 7.0) / Math.sqrt(6.0), fitted.transform(pets, intArrayOf(0)).getEntry(0, 2), 1e-15)
    }

    @Test
    fun `a numeric column forced on text is refused with the line and the fix`() {
        val e = assertThrows<CsvFormatException> { ColumnPipeline.fit(pets, listOf("kind"), all, mapOf("kind" to ColumnOptions.NUMERIC)) }
        assertEquals(
            "pets.csv:2: column 'kind': expected a number, got 'cat' (the column is numeric): correct the value, or make the column categorical in data.source.columns",
            e.message,
        )
    }

    @Test
    fun `a fitted pipeline reads back equal from its JSON`() {
        val pipeline = ColumnPipeline.fit(pets, listOf("kind", "colour", "weight"), all, mapOf("colour" to ColumnOptions(missing = Imputation.MOST_FREQUENT), "weight" to ColumnOptions(missing = Imputation.MEDIAN)), ColumnScaling.STANDARD)
        val text = Json.encodeToString(ColumnPipeline.serializer(), pipeline)
        assertEquals(pipeline, Json.decodeFromString(ColumnPipeline.serializer(), text))
    }

    @Test
    fun `rows with a missing target are left out and counted, or refused when asked`() {
        val t = table("x,y\n1,b\n2,NA\n3,a\n")
        val targets = LabelColumn.read(t, "y")
        assertArrayEquals(intArrayOf(0, 2), targets.kept)
        assertEquals(1, targets.dropped)
        assertEquals("1 row with a missing 'y' left out of training and evaluation", targets.note("y"))
        val labels = targets.targets as mlpkit.data.ClassLabels
        assertEquals(listOf("a", "b"), labels.classNames)
        assertArrayEquals(intArrayOf(1, 0), labels.labels)
        val e = assertThrows<CsvFormatException> { LabelColumn.read(t, "y", refuseMissing = true) }
        assertEquals("pets.csv:3: column 'y' (the target): missing value 'NA'; expected a value, or set \"missingTarget\": \"drop\" in data.source to leave such rows out", e.message)
    }
}
