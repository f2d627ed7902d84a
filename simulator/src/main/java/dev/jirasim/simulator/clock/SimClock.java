package dev.jirasim.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one clock every expiry in a world reads. It follows a source clock (normally the system clock)
 * shifted by an offset, and can be frozen, set and advanced, so tests move time instead of waiting.
 */
public final class SimClock {
    private final Clock source;
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    public SimClock() {
        this(Clock.systemUTC());
    }

    public SimClock(Clock source) {
        this.source = source;
    }

    public synchronized Instant now() {
        return frozenAt != null ? frozenAt : source.instant().plus(offset);
    }

    public synchronized boolean frozen() {
        return frozenAt != null;
    }

    /** Stops time at the current instant. */
    public synchronized void freeze() {
        if (frozenAt == null) frozenAt = now();
    }

    /** Lets time run again from the instant it shows now. */
    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(source.instant(), frozenAt);
            frozenAt = null;
        }
    }

    /** Moves the clock to {@code instant}; keeps it frozen or running as it was. */
    public synchronized void set(Instant instant) {
        if (frozenAt != null) frozenAt = instant;
        else offset = Duration.between(source.instant(), instant);
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("cannot advance by a negative duration");
        if (frozenAt != null) frozenAt = frozenAt.plus(by);
        else offset = offset.plus(by);
    }

    /** Back to the source clock's time, running. */
    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    /** What a state file keeps: the offset from the source clock while running, or the instant it is frozen at. */
    public record State(Duration offset, Instant frozenAt) {
        public State {
            if (offset == null) offset = Duration.ZERO;
        }

        public boolean frozen() {
            return frozenAt != null;
        }
    }

    public synchronized State state() {
        return new State(offset, frozenAt);
    }

    /** Puts back a saved state: a frozen clock shows the same instant, a running one keeps its distance from real time. */
    public synchronized void restore(State state) {
        offset = state.offset();
        frozenAt = state.frozenAt();
    }
}
