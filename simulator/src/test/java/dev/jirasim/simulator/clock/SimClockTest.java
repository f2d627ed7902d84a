package dev.jirasim.simulator.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimClockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A source clock the test moves by hand, standing in for real time passing. */
    static final class ManualClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void followsTheSourceShiftedByAdvances() {
        var source = new ManualClock();
        var clock = new SimClock(source);
        clock.advance(Duration.ofHours(1));
        source.now = source.now.plusSeconds(5);
        assertEquals(T0.plusSeconds(3605), clock.now());
    }

    @Test
    void frozenTimeStandsStillUntilAdvancedOrUnfrozen() {
        var source = new ManualClock();
        var clock = new SimClock(source);
        clock.freeze();
        source.now = source.now.plusSeconds(100);
        assertEquals(T0, clock.now());
        assertTrue(clock.frozen());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(T0.plusSeconds(10), clock.now());
        clock.unfreeze();
        source.now = source.now.plusSeconds(1);
        assertEquals(T0.plusSeconds(11), clock.now());
        assertFalse(clock.frozen());
    }

    @Test
    void setKeepsTheModeAndResetReturnsToTheSource() {
        var source = new ManualClock();
        var clock = new SimClock(source);
        clock.set(Instant.parse("2030-06-01T00:00:00Z"));
        assertEquals(Instant.parse("2030-06-01T00:00:00Z"), clock.now());
        clock.reset();
        assertEquals(T0, clock.now());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
}
