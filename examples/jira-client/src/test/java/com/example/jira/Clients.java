package com.example.jira;

import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.simulator.control.IssuedTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds the client under test against one test's simulated world. */
final class Clients {
    static final String CLIENT_ID = "jirasim-client";
    static final String CLIENT_SECRET = "jirasim-secret";

    private Clients() {
    }

    /** The client reads the simulator's clock, so moving that clock moves token expiry for both sides. */
    static Clock clockOf(JirasimHandle sim) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return sim.clock().now();
            }
        };
    }

    /** Waiting for a retry moves the simulated clock instead of sleeping; the waits are kept for assertions. */
    static final class ClockSleeper implements TinyJira.Sleeper {
        final List<java.time.Duration> waits = new CopyOnWriteArrayList<>();
        private final JirasimHandle sim;

        ClockSleeper(JirasimHandle sim) {
            this.sim = sim;
        }

        @Override
        public void sleep(java.time.Duration duration) {
            waits.add(duration);
            sim.clock().advance(duration);
        }
    }

    static TinyJira forUser(JirasimHandle sim, String user, String... sites) {
        return with(sim, sim.tokens(user, sites), new ClockSleeper(sim));
    }

    static TinyJira with(JirasimHandle sim, IssuedTokens issued, TinyJira.Sleeper sleeper) {
        Clock clock = clockOf(sim);
        return new TinyJira(sim.authUrl(), sim.apiUrl(), CLIENT_ID, CLIENT_SECRET,
                TinyJira.tokens(issued.accessToken(), issued.refreshToken(), issued.expiresIn(), clock), clock, sleeper);
    }
}
