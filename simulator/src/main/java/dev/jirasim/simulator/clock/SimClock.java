package dev.jirasim.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one clock every expiry in a world reads. It follows a source clock (normally the system clock)
 * shifted by an offset, and can be frozen, set and advanced, so tests move time instead of waiting.
 */
public final class SimClock {
    /**
     * The span the clock may show. Outside it, instants stop fitting in token lifetimes, JWT claims and
     * ISO-8601 dates that clients parse (and arithmetic overflows): moving the clock there is refused.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");
    private final Clock source;
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;
    /** Told after every move (set, advance, unfreeze, reset, restore), outside the clock's lock. */
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

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
    public void unfreeze() {
        synchronized (this) {
            if (frozenAt == null) return;
            offset = Duration.between(source.instant(), frozenAt);
            frozenAt = null;
        }
        moved();
    }

    /** Moves the clock to {@code instant}; keeps it frozen or running as it was. */
    public void set(Instant instant) {
        requireInRange(instant);
        synchronized (this) {
            if (frozenAt != null) frozenAt = instant;
            else offset = Duration.between(source.instant(), instant);
        }
        moved();
    }

    public void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("cannot advance by a negative duration");
        synchronized (this) {
            Instant from = now();
            if (by.compareTo(Duration.between(from, LATEST)) > 0) {
                throw new IllegalArgumentException("advancing by " + by.getSeconds() + " seconds would take the clock past " + LATEST);
            }
            if (frozenAt != null) frozenAt = frozenAt.plus(by);
            else offset = offset.plus(by);
        }
        moved();
    }

    /**
     * Calls {@code listener} after every move of this clock (not as real time passes), on the thread that moved it:
     * work that waits for a simulated instant (webhook retries) runs as soon as a test moves time past it.
     */
    public void onMove(Runnable listener) {
        listeners.add(listener);
    }

    private void moved() {
        for (Runnable l : listeners) l.run();
    }

    /** Whether an instant lies in the span the clock may show. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private static void requireInRange(Instant instant) {
        if (!inRange(instant)) throw new IllegalArgumentException("the clock must stay between " + EARLIEST + " and " + LATEST + ", not " + instant);
    }

    /** Back to the source clock's time, running. */
    public void reset() {
        synchronized (this) {
            offset = Duration.ZERO;
            frozenAt = null;
        }
        moved();
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
    public void restore(State state) {
        synchronized (this) {
            offset = state.offset();
            frozenAt = state.frozenAt();
        }
        moved();
    }
}
