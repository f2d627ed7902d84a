package com.example.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.RequestPattern;
import dev.jirasim.simulator.faults.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A 429 carries Retry-After; a good client waits that long and tries again, a few times at most. */
@Jirasim
class RateLimitRetryTest {
    private static final RequestPattern MYSELF = RequestPattern.get("/api/ex/jira/*/rest/api/3/myself");

    @BeforeEach
    void smallBudget(JirasimHandle sim) {
        sim.clock().freeze();
        sim.world().rateLimit(2, 0.5).apply();
    }

    @Test
    void waitsAsToldAndSucceeds(JirasimHandle sim) {
        var sleeper = new Clients.ClockSleeper(sim);
        TinyJira jira = Clients.with(sim, sim.tokens("alice@acme.test", "acme"), sleeper);
        var acme = jira.site("acme").orElseThrow();
        for (int i = 0; i < 5; i++) assertEquals("alice@acme.test", jira.myEmail(acme));
        sim.journal().verify(5, MYSELF.withStatus(200));
        int limited = sim.journal().count(MYSELF.withStatus(429));
        assertTrue(limited >= 1, "the budget of 2 ran out");
        assertEquals(limited, sleeper.waits.size());
        assertTrue(sleeper.waits.stream().allMatch(d -> d.compareTo(Duration.ofSeconds(1)) >= 0), sleeper.waits::toString);
    }

    @Test
    void givesUpAfterThreeRetriesWhenTimeStandsStill(JirasimHandle sim) {
        TinyJira jira = Clients.with(sim, sim.tokens("alice@acme.test", "acme"), d -> { });
        var acme = jira.site("acme").orElseThrow();
        jira.myEmail(acme);
        jira.myEmail(acme);
        var e = assertThrows(TinyJira.JiraException.class, () -> jira.myEmail(acme));
        assertEquals(429, e.status());
        sim.journal().verify(4, MYSELF.withStatus(429));
    }

    @Test
    void anInjectedOutageIsNotRetried(JirasimHandle sim) {
        sim.faults().add(FaultRule.on("/api/ex/jira/**").status(503).times(1));
        TinyJira jira = Clients.forUser(sim, "alice@acme.test", "acme");
        var acme = jira.site("acme").orElseThrow();
        var e = assertThrows(TinyJira.JiraException.class, () -> jira.myEmail(acme));
        assertEquals(503, e.status());
        assertEquals("alice@acme.test", jira.myEmail(acme));
        assertFalse(sim.faults().list().isEmpty());
    }
}
