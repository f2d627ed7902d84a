package dev.jirasim.junit;

import dev.jirasim.simulator.control.SimulatorControl;
import java.time.Duration;
import java.time.Instant;

/**
 * The world's clock: token lifetimes, code expiry, rate-limit refills and JQL's {@code now()} all read it.
 * It runs with real time until frozen; setting or advancing it never waits.
 */
public final class SimulatedClock {
    private final SimulatorControl control;

    SimulatedClock(SimulatorControl control) {
        this.control = control;
    }

    public Instant now() {
        return control.now();
    }

    public SimulatedClock advance(Duration by) {
        control.advanceClock(by);
        return this;
    }

    public SimulatedClock set(Instant instant) {
        control.setClock(instant, null);
        return this;
    }

    /** Stops the clock where it is: nothing expires unless the test advances it. */
    public SimulatedClock freeze() {
        control.setClock(null, true);
        return this;
    }

    /** Lets it run again from where it stands. */
    public SimulatedClock unfreeze() {
        control.setClock(null, false);
        return this;
    }

    public boolean frozen() {
        return control.clockFrozen();
    }
}
