package mlpkit.data.batch

import mlpkit.data.ClassLabels
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class OneHotTest {
    @Test
    fun `each label becomes a row with 1 in its class's column`() {
        val encoded = oneHot(ClassLabels(intArrayOf(2, 0, 1), listOf("a", "b", "c", "d")))
        assertEquals(3, encoded.rowDimension)
        assertEquals(4, encoded.columnDimension)
        assertArrayEquals(doubleArrayOf(0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0), encoded.data())
    }

    @Test
    fun `a label outside the classes is a clear error`() {
        assertEquals(
            "label 3 of sample 1 is outside 0..2: one-hot encoding of 3 classes needs labels in that range",
            assertThrows<IllegalArgumentException> { oneHot(intArrayOf(0, 3), 3) }.message,
        )
    }
}
