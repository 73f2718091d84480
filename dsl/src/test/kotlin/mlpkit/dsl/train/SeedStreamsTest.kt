package mlpkit.dsl.train

import mlpkit.data.random.RandomState
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class SeedStreamsTest {
    @Test
    fun `the initialisation stream of a numpy seed is numpy's RandomState of that seed`() {
        assertEquals(RandomState(42).standardNormal(), SeedStreams(42).init().standardNormal())
    }

    @Test
    fun `the derived seeds are 32-bit, differ between streams and neighbouring seeds, and never change`() {
        val seeds = (0L..200L).flatMap { s -> with(SeedStreams(s)) { listOf(shuffleSeed, dropoutSeed, splitSeed, dataSeed) } }
        assertTrue(seeds.all { it in 0 until (1L shl 32) })
        assertEquals(seeds.size, seeds.toSet().size)
        // Pinned: a change here changes every run's shuffling, dropout and splits.
        assertEquals(SeedStreams.derive(0, SeedStreams.SHUFFLE), SeedStreams(0).shuffleSeed)
        assertEquals(0xE220A839L, SeedStreams.derive(0, 1))
    }

    @Test
    fun `a seed numpy does not accept is mixed for the initialisation stream too`() {
        val streams = SeedStreams(-1)
        assertEquals(SeedStreams.derive(-1, SeedStreams.INIT), streams.initSeed)
        assertTrue(streams.initSeed in 0 until (1L shl 32))
    }
}
