package dev.jirasim.simulator.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Jira's duration strings with its default working time (8h day, 5d week). */
class DurationsTest {
    @Test
    void readsJirasForms() {
        assertEquals(5400L, Durations.parse("1h 30m"));
        assertEquals(5400L, Durations.parse("1h30m"));
        assertEquals(5400L, Durations.parse("1.5h"));
        assertEquals(1800L, Durations.parse("30"));
        assertEquals(8 * 3600L, Durations.parse("1d"));
        assertEquals(5 * 8 * 3600L + 2 * 8 * 3600L, Durations.parse("1w 2d"));
        assertNull(Durations.parse("soon"));
        assertNull(Durations.parse("1h 2x"));
        assertNull(Durations.parse("1 2"));
        assertNull(Durations.parse(""));
    }

    @Test
    void writesLargestUnitsFirstWithoutZeros() {
        assertEquals("1h 30m", Durations.format(5400));
        assertEquals("1d", Durations.format(8 * 3600));
        assertEquals("1w 1d", Durations.format(6 * 8 * 3600));
        assertEquals("0m", Durations.format(0));
    }
}
