package mlpkit.app.report

import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonObject
import mlpkit.dsl.spec.Variation
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class SweepAxisTest {
    private fun network(name: String, notation: String) = Variation(name, buildJsonObject { put("network", JsonPrimitive(notation)) })

    @Test
    fun `the one number that differs inside the variations' notations is the axis, named with its place`() {
        val variations = listOf(1, 5, 12).map { k ->
            network("v$k", "network < dense($k, sigmoid, weights=normal(0.1)); dense(1, sigmoid, weights=normal(0.1)) >")
        }
        val axis = SweepAxis.of(variations)
        assertArrayEquals(doubleArrayOf(1.0, 5.0, 12.0), axis.values)
        assertTrue(axis.numeric)
        assertTrue(axis.title.startsWith("k in \$.network = network < dense(k, sigmoid, weights=normal(0.1))"), axis.title)
    }

    @Test
    fun `a varying JSON number is the axis and its path is the title`() {
        val variations = listOf(0.3, 0.1, 0.03).map { lr ->
            Variation("lr=$lr", buildJsonObject { putJsonObject("training") { putJsonObject("optimizer") { put("type", "sgd"); put("lr", lr) } } })
        }
        val axis = SweepAxis.of(variations)
        assertEquals("\$.training.optimizer.lr", axis.title)
        assertArrayEquals(doubleArrayOf(0.3, 0.1, 0.03), axis.values)
    }

    @Test
    fun `when two numbers change together the number in each variation's name is used`() {
        val variations = listOf(4, 8, 16).map { k -> network("h$k", "network < dense($k, tanh); dense(${k / 2}, tanh); dense(1, sigmoid) >") }
        val axis = SweepAxis.of(variations)
        assertEquals("number in the variation's name", axis.title)
        assertArrayEquals(doubleArrayOf(4.0, 8.0, 16.0), axis.values)
    }

    @Test
    fun `without any number the axis is the position, labelled with the names`() {
        val variations = listOf("relu", "tanh", "sigmoid").map { f -> network(f, "network < dense(8, $f); dense(1, sigmoid) >") }
        val axis = SweepAxis.of(variations)
        assertFalse(axis.numeric)
        assertArrayEquals(doubleArrayOf(1.0, 2.0, 3.0), axis.values)
        assertEquals(listOf("relu", "tanh", "sigmoid"), axis.labels)
    }
}
